// The entry of a hidden bundle's engine.mjs: relu-lab's grading engine, opened
// on the assignment packed beside it (its public face, hidden face, reference
// and manifest, as TypeScript sources in the project's layout). Only
// `relu-lab pack-hidden` bundles this file.
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import { loadAssignment, loadHiddenFace } from '../assignment/loadAssignment.ts';
import { isReluLabError } from '../core/errors.ts';
import { failedResults } from '../engine/failedResults.ts';
import { Grader } from '../engine/Grader.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { submissionIdentity } from '../intake/submissionIdentity.ts';
import type { ResultsDocument } from '../results/types.ts';
import { ENGINE_API_VERSION, type EngineSession } from './engineApi.ts';

export const ENGINE_API = ENGINE_API_VERSION;

let typescriptLoads = false;

/**
 * The packed assignment is TypeScript, and the CLI that loads this engine
 * runs in plain Node (the student edition has no tsx): Node's module hooks
 * let it import the sources, their types stripped by esbuild.
 */
function loadTypeScript(): void {
  if (typescriptLoads) return;
  register(new URL('./typescriptHooks.mjs', import.meta.url));
  typescriptLoads = true;
}

export async function openEngine(assignmentModule: string): Promise<EngineSession> {
  loadTypeScript();
  const assignment = await loadAssignment(assignmentModule);
  const manifest = await loadManifest(
    assignment.manifestPath,
    assignment.modules.map((m) => m.name),
  );
  const firstCalls = new Map((await loadHiddenFace(assignment.hiddenEntry)).checks.map((c) => [c.id, c.calls[0] ?? null]));
  let grader: Grader | null = null;
  return {
    manifest,
    async grade(submissionDir: string): Promise<ResultsDocument> {
      const started = performance.now();
      try {
        grader ??= await Grader.create(manifest, assignment);
        return await grader.grade(submissionDir);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const code = isReluLabError(e) ? e.code : 'internal';
        return failedResults(
          manifest,
          assignment,
          await submissionIdentity(submissionDir),
          { kind: 'grader-error', code, message },
          performance.now() - started,
        );
      }
    },
    functionOfCheck: (id) => firstCalls.get(id) ?? null,
    async close(): Promise<void> {
      await grader?.close();
      grader = null;
    },
  };
}
