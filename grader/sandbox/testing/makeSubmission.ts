// A submission built from the reference, for the sandbox's tests and
// measurements: solutions/*.ts (and internal/) copied into a fresh temporary
// folder as `<root>/exercises/`, importing './types.ts' like a student's
// files do, with any file replaced or removed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../core/defaults.ts';

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

const SOLUTIONS = path.join(PACKAGE_ROOT, 'solutions');

async function copyReference(from: string, to: string, typesImport: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      await copyReference(path.join(from, entry.name), path.join(to, entry.name), `../${typesImport.replace(/^\.\//, '')}`);
    } else if (entry.name.endsWith('.ts') && !/\.(test|check)\.ts$/.test(entry.name)) {
      const text = await fs.readFile(path.join(from, entry.name), 'utf8');
      const rewritten = text.replace(/(['"])(\.\.\/)+exercises\/types\.ts\1/g, `'${typesImport}'`);
      await fs.writeFile(path.join(to, entry.name), rewritten);
    }
  }
}

/**
 * A copy of the reference as a submission. `files` maps a path inside the
 * submission (e.g. `backprop.ts`, `internal/shapes.ts`) to new contents, or
 * to null to remove it.
 */
export async function makeSubmission(files: Record<string, string | null> = {}): Promise<TestSubmission> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-sandbox-'));
  const submissionDir = path.join(root, 'exercises');
  await copyReference(SOLUTIONS, submissionDir, './types.ts');
  await fs.copyFile(path.join(PACKAGE_ROOT, 'exercises', 'types.ts'), path.join(submissionDir, 'types.ts'));
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
  const text = await fs.readFile(path.join(SOLUTIONS, file), 'utf8');
  const depth = file.split('/').length - 1;
  return text.replace(/(['"])(\.\.\/)+exercises\/types\.ts\1/g, `'${depth === 0 ? './' : '../'.repeat(depth)}types.ts'`);
}
