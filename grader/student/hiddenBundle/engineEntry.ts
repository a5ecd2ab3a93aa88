// The entry of a hidden bundle's engine.mjs: relu-lab's grading engine with
// the hidden suite's catalog, opened on the manifest packed beside it. Only
// `relu-lab pack-hidden` bundles this file.
import { performance } from 'node:perf_hooks';
import { isReluLabError } from '../../core/errors.ts';
import { failedResults } from '../../engine/failedResults.ts';
import { Grader } from '../../engine/Grader.ts';
import { loadManifest } from '../../manifest/loadManifest.ts';
import { submissionIdentity } from '../../results/submissionIdentity.ts';
import type { ResultsDocument } from '../../results/types.ts';
import { ENGINE_API_VERSION, type EngineSession } from './engineApi.ts';

export { functionOfCheck } from '../../ci/hidden/engine/checkFunctions.ts';

export const ENGINE_API = ENGINE_API_VERSION;

export async function openEngine(): Promise<EngineSession> {
  const manifest = await loadManifest();
  let grader: Grader | null = null;
  return {
    manifest,
    async grade(submissionDir: string): Promise<ResultsDocument> {
      const started = performance.now();
      try {
        grader ??= await Grader.create(manifest);
        return await grader.grade(submissionDir);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const code = isReluLabError(e) ? e.code : 'internal';
        return failedResults(manifest, await submissionIdentity(submissionDir), { kind: 'grader-error', code, message }, performance.now() - started);
      }
    },
    async close(): Promise<void> {
      await grader?.close();
      grader = null;
    },
  };
}
