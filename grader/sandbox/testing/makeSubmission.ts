// A submission built from the reference, for the sandbox's tests and
// measurements: the reference as the fixture corpus writes it, in a fresh temporary
// folder as `<root>/exercises/`, importing './types.ts' like a student's
// files do, with any file replaced or removed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assignment } from '../../course/assignment.ts';
import { referenceSubmission } from '../../corpus/fixtureCorpus.ts';

export interface TestSubmission {
  /** the temporary folder; `sandbox.pids` ends up here */
  root: string;
  /** `<root>/exercises`, the submitted files */
  submissionDir: string;
  /** `<root>/code`, where the tests compile to */
  codeDir: string;
  /** removes the temporary folder */
  cleanup(): Promise<void>;
}

/**
 * A copy of the reference as a submission. `files` maps a path inside the
 * submission (e.g. `backprop.ts`, `internal/shapes.ts`) to new contents, or
 * to null to remove it.
 */
export async function makeSubmission(files: Record<string, string | null> = {}): Promise<TestSubmission> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-sandbox-'));
  const submissionDir = path.join(root, 'exercises');
  for (const [file, text] of await referenceSubmission(assignment)) {
    await fs.mkdir(path.dirname(path.join(submissionDir, file)), { recursive: true });
    await fs.writeFile(path.join(submissionDir, file), text);
  }
  for (const [file, contents] of Object.entries(files)) {
    const target = path.join(submissionDir, file);
    if (contents === null) {
      await fs.rm(target, { force: true });
    } else {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, contents);
    }
  }
  return {
    root,
    submissionDir,
    codeDir: path.join(root, 'code'),
    cleanup: () => fs.rm(root, { recursive: true, force: true }),
  };
}

/** The reference's text of `file` (e.g. `activations.ts`) as a submission has it, to extend in a test. */
export async function referenceText(file: string): Promise<string> {
  const text = (await referenceSubmission(assignment)).get(file);
  if (text === undefined) throw new Error(`the reference has no ${file}`);
  return text;
}
