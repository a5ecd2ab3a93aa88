// Reads an assignment's manifest (the ReLU course's is grader/assignment.json),
// checks it against grader/schemas/assignment.schema.json and what the schema
// cannot say, and fills what it leaves out from DEFAULTS. A file may still
// give limits.groupTimeoutMs under its old name, batchTimeoutMs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULTS } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import { schemaPath, schemaValidator } from '../results/schemaValidator.ts';
import { checkManifest } from './checkManifest.ts';
import { parseManifestText } from './parseManifestText.ts';
import type { Manifest, ManifestFile } from './types.ts';

export type { Manifest } from './types.ts';

/**
 * The manifest at `file`, validated and complete. Throws ReluLabError
 * 'manifest-missing' when there is no such file, 'manifest-invalid' (listing
 * every problem as `<JSON path>: <reason>`) when it is not a sound manifest,
 * or, given the assignment's `moduleNames`, not one task for each of them.
 */
export async function loadManifest(file: string = DEFAULTS.manifestPath, moduleNames?: readonly string[]): Promise<Manifest> {
  const absolute = path.resolve(file);
  const shown = shownPath(absolute);
  const text = await readManifest(absolute, shown);
  const data = parseManifestText(text, shown);
  const schemaProblems = schemaValidator('assignment')(data);
  const problems = schemaProblems.length > 0 ? schemaProblems : checkManifest(data as ManifestFile, moduleNames);
  if (problems.length > 0) {
    throw new ReluLabError(
      'manifest-invalid',
      `${shown} is not a valid manifest:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        `Fix these fields; ${shownPath(schemaPath('assignment'))} describes each one.`,
    );
  }
  return complete(data as ManifestFile, absolute);
}

async function readManifest(absolute: string, shown: string): Promise<string> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ReluLabError(
        'manifest-missing',
        `No manifest at ${shown}. Pass the path of an assignment manifest (like grader/assignment.json), or restore that file.`,
        { cause: e },
      );
    }
    throw new ReluLabError('manifest-invalid', `Cannot read the manifest ${shown}: ${(e as Error).message}. Check that it is a readable file.`, {
      cause: e,
    });
  }
}

function complete(m: ManifestFile, absolute: string): Manifest {
  return {
    path: absolute,
    title: m.title,
    version: m.version,
    tasks: m.tasks.map((t) => ({ id: t.id, title: t.title, points: t.points, file: t.file })),
    deadline: m.deadline,
    latePolicy: m.latePolicy,
    defaultVisibility: m.defaultVisibility,
    limits: {
      callTimeoutMs: m.limits?.callTimeoutMs ?? DEFAULTS.callTimeoutMs,
      // batchTimeoutMs: the old name, still read (checkManifest refuses a file that gives both)
      groupTimeoutMs: m.limits?.groupTimeoutMs ?? m.limits?.batchTimeoutMs ?? DEFAULTS.groupTimeoutMs,
      submissionDeadlineMs: m.limits?.submissionDeadlineMs ?? DEFAULTS.submissionDeadlineMs,
      sandboxMemoryMb: m.limits?.sandboxMemoryMb ?? DEFAULTS.sandboxMemoryMb,
    },
    fastCheck: {
      seed: m.fastCheck?.seed ?? DEFAULTS.seed,
      numRuns: m.fastCheck?.numRuns ?? DEFAULTS.numRuns,
    },
  };
}

/** A path as people read it: relative to the working folder when inside it. */
function shownPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
