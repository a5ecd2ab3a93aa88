// The starter's `npm run check`: TypeScript's own compiler on the starter
// first (`tsc --noEmit -p .`, the starter's tsconfig.json checking
// exercises/), so a type error reads as one, at its file, line and column
// (`exercises/training.ts(12,8): error TS2345: …`), before the run-time
// failure it may cause ("pick is not a function"); then the visible tests
// with relu-lab's short report (CheckReporter), whatever tsc found. The exit
// code is 0 only when both passed.
//
// Both programs are the starter's installed packages, run by this Node
// (no shell, so the same on Windows), found from the starter's folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The bundled entry of `npm run check` in the student edition (visible/checkMain.ts), beside the CLI. */
export const CHECK_ENTRY_FILE = 'check.mjs';

/** The bundled reporter of `npm run check` (visible/CheckReporter.ts), beside the entry. */
export const CHECK_REPORTER_FILE = 'check-reporter.mjs';

/** The type errors' lines in tsc's plain output (`--pretty false`). */
const TYPE_ERROR = /^.+\(\d+,\d+\): error TS\d+:/;

/** How a program ran: its exit code (null: ended by a signal) and, when captured, what it printed. */
export interface ProgramRun {
  status: number | null;
  output: string;
}

/** Runs `node <args>` in `cwd`; `capture`: stdout and stderr collected into `output`, else shown as they come. */
export type RunProgram = (args: readonly string[], opts: { cwd: string; capture: boolean }) => Promise<ProgramRun>;

export interface CheckOptions {
  /** the starter's folder */
  cwd: string;
  /** the reporter's file for Vitest's --reporter */
  reporter: string;
  /** what follows `npm run check --`: passed to Vitest (a test file, -t NAME) */
  args: readonly string[];
  /** writes relu-lab's own lines */
  out(text: string): void;
  run?: RunProgram;
}

/** Runs this Node on `args`, as a child of its own; never rejects. */
export const runNode: RunProgram = (args, opts) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: opts.cwd, stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.once('error', (e) => resolve({ status: null, output: `${output}${e.message}\n` }));
    child.once('close', (status) => resolve({ status, output }));
  });

/** The file of package `name`'s bin `bin`, as installed for `cwd`; null when the package is not installed there. */
export function installedBin(cwd: string, name: string, bin: string): string | null {
  try {
    const manifest = createRequire(path.join(cwd, 'package.json')).resolve(`${name}/package.json`);
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
    const file = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.[bin];
    return file ? path.resolve(path.dirname(manifest), file) : null;
  } catch {
    return null;
  }
}

const notInstalled = (name: string, code: string) =>
  `relu-lab check: ${name} is not installed here (${code}): run npm install in this folder, then npm run check again.\n`;

/** The type check, then the visible tests; resolves to the exit code. */
export async function runCheck(opts: CheckOptions): Promise<number> {
  const run = opts.run ?? runNode;
  let typesPassed = false;
  const tsc = installedBin(opts.cwd, 'typescript', 'tsc');
  if (tsc === null) {
    opts.out(notInstalled('TypeScript', 'typescript-missing'));
  } else {
    const types = await run([tsc, '--noEmit', '-p', '.', '--pretty', 'false'], { cwd: opts.cwd, capture: true });
    typesPassed = types.status === 0;
    if (!typesPassed) {
      const errors = types.output.split('\n').filter((line) => TYPE_ERROR.test(line)).length;
      const found = errors === 0 ? 'TypeScript could not check the types' : `TypeScript found ${errors} type ${errors === 1 ? 'error' : 'errors'}`;
      opts.out(`${types.output.trimEnd()}\n\n`);
      opts.out(`relu-lab check: ${found} (above, as file(line,column)). The visible tests run anyway; a test may fail because of one.\n\n`);
    }
  }
  const vitest = installedBin(opts.cwd, 'vitest', 'vitest');
  if (vitest === null) {
    opts.out(notInstalled('Vitest', 'vitest-missing'));
    return 1;
  }
  const tests = await run([vitest, 'run', `--reporter=${opts.reporter}`, ...opts.args], { cwd: opts.cwd, capture: false });
  return tests.status === 0 && typesPassed ? 0 : 1;
}
