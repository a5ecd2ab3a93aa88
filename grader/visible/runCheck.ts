// The starter's `npm run check`: TypeScript's own compiler on the starter
// first (`tsc --noEmit -p .`, the starter's tsconfig.json checking
// exercises/), so a type error reads as one, at its file, line and column
// (`exercises/training.ts(12,8): error TS2345: …`), before the run-time
// failure it may cause ("pick is not a function"); then the visible tests
// with relu-lab's short report (CheckReporter), whatever tsc found. The two
// run at once (about 0.3 s sooner than one after the other on two cores);
// what the tests print is held until tsc's errors are out. The exit code is
// 0 only when both passed.
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

/**
 * What becomes of a program's output: `capture`, collected into `output`;
 * `show`, shown as it comes once `after` has settled, and held until then, so
 * it never comes before what is printed first.
 */
export type ProgramOutput = { kind: 'capture' } | { kind: 'show'; after: Promise<unknown> };

/** Runs `node <args>` in `cwd`. */
export type RunProgram = (args: readonly string[], opts: { cwd: string; output: ProgramOutput }) => Promise<ProgramRun>;

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

/** The environment of a program whose output is shown through a pipe: in colour when this process's own output is a terminal. */
function showingEnv(): NodeJS.ProcessEnv {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.FORCE_COLOR === undefined;
  return color ? { ...process.env, FORCE_COLOR: '1' } : process.env;
}

/** Runs this Node on `args`, as a child of its own; never rejects. */
export const runNode: RunProgram = (args, opts) =>
  new Promise((resolve) => {
    const shown =
      opts.output.kind === 'show'
        ? opts.output.after.then(
            () => {},
            () => {},
          )
        : null;
    const child = spawn(process.execPath, args, {
      cwd: opts.cwd,
      stdio: [shown ? 'inherit' : 'ignore', 'pipe', 'pipe'],
      env: shown ? showingEnv() : process.env,
    });
    let output = '';
    let held: [NodeJS.WriteStream, string][] | null = shown ? [] : null;
    const take = (to: NodeJS.WriteStream) => (text: string) => {
      if (!shown) output += text;
      else if (held) held.push([to, text]);
      else to.write(text);
    };
    child.stdout.setEncoding('utf8').on('data', take(process.stdout));
    child.stderr.setEncoding('utf8').on('data', take(process.stderr));
    void shown?.then(() => {
      for (const [to, text] of held ?? []) to.write(text);
      held = null;
    });
    const end = (run: ProgramRun) => void (shown ?? Promise.resolve()).then(() => resolve(run));
    child.once('error', (e) => end({ status: null, output: `${output}${e.message}\n` }));
    child.once('close', (status) => end({ status, output }));
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

/** The type check and the visible tests, started together, tsc's errors shown first; resolves to the exit code. */
export async function runCheck(opts: CheckOptions): Promise<number> {
  const run = opts.run ?? runNode;
  const tsc = installedBin(opts.cwd, 'typescript', 'tsc');
  const vitest = installedBin(opts.cwd, 'vitest', 'vitest');
  if (tsc === null) opts.out(notInstalled('TypeScript', 'typescript-missing'));
  const typesChecked: Promise<boolean> =
    tsc === null
      ? Promise.resolve(false)
      : run([tsc, '--noEmit', '-p', '.', '--pretty', 'false'], { cwd: opts.cwd, output: { kind: 'capture' } }).then((types) => {
          if (types.status === 0) return true;
          const errors = types.output.split('\n').filter((line) => TYPE_ERROR.test(line)).length;
          const found = errors === 0 ? 'TypeScript could not check the types' : `TypeScript found ${errors} type ${errors === 1 ? 'error' : 'errors'}`;
          opts.out(`${types.output.trimEnd()}\n\n`);
          opts.out(`relu-lab check: ${found} (above, as file(line,column)). The visible tests run anyway; a test may fail because of one.\n\n`);
          return false;
        });
  if (vitest === null) {
    await typesChecked;
    opts.out(notInstalled('Vitest', 'vitest-missing'));
    return 1;
  }
  // the tests start at once (tsc takes about half a second); what they print waits for tsc's errors
  const tests = await run([vitest, 'run', `--reporter=${opts.reporter}`, ...opts.args], { cwd: opts.cwd, output: { kind: 'show', after: typesChecked } });
  return tests.status === 0 && (await typesChecked) ? 0 : 1;
}
