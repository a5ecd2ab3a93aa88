// The starter's npm run check: tsc's errors first, as file(line,column), then
// the visible tests, which run whatever tsc found (started at the same time,
// their output held until tsc's errors are out); the exit code fails when
// either did. The first tests give runCheck a fake program runner; the last
// runs the real tsc and Vitest on a starter-like folder with a type error.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { installedBin, type ProgramRun, runCheck, runNode, type RunProgram } from './runCheck.ts';

const TYPE_ERROR =
  "exercises/training.ts(12,8): error TS2345: Argument of type 'Vector' is not assignable to parameter of type 'Matrix'.\n  Type 'number' is not assignable to type 'number[]'.\n";

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-check-test-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Call {
  program: 'tsc' | 'vitest';
  args: readonly string[];
  output: 'capture' | 'show';
  /** for Vitest: what runCheck had printed when its output was let through */
  printedBefore?: string;
}

async function check(tsc: ProgramRun, vitest: ProgramRun, cwd = PACKAGE_ROOT) {
  const calls: Call[] = [];
  let printed = '';
  const run: RunProgram = async (args, opts) => {
    const program = args[0].includes('typescript') ? 'tsc' : 'vitest';
    const call: Call = { program, args: args.slice(1), output: opts.output.kind };
    calls.push(call);
    if (opts.output.kind === 'show') {
      await opts.output.after;
      call.printedBefore = printed;
    }
    return program === 'tsc' ? tsc : vitest;
  };
  const code = await runCheck({ cwd, reporter: '/r/check-reporter.mjs', args: ['-t', 'relu'], out: (t) => (printed += t), run });
  return { code, printed, calls };
}

describe('runCheck', () => {
  test('tsc first, with plain file(line,column) output, then Vitest with the reporter and the arguments given', async () => {
    const { code, printed, calls } = await check({ status: 0, output: '' }, { status: 0, output: '' });
    expect(code).toBe(0);
    expect(printed).toBe('');
    expect(calls).toEqual([
      { program: 'tsc', args: ['--noEmit', '-p', '.', '--pretty', 'false'], output: 'capture' },
      { program: 'vitest', args: ['run', '--reporter=/r/check-reporter.mjs', '-t', 'relu'], output: 'show', printedBefore: '' },
    ]);
  });

  test("a type error: tsc's errors and a count are printed before the tests, which still run, and the check fails", async () => {
    const { code, printed, calls } = await check({ status: 2, output: TYPE_ERROR }, { status: 0, output: '' });
    expect(code).toBe(1);
    expect(printed.startsWith('exercises/training.ts(12,8): error TS2345')).toBe(true);
    expect(printed).toContain('relu-lab check: TypeScript found 1 type error (above');
    // the tests started with tsc, and what they print comes after tsc's errors
    expect(calls.map((c) => c.program)).toEqual(['tsc', 'vitest']);
    expect(calls[1].printedBefore).toBe(printed);
  });

  test('failing tests fail the check too', async () => {
    expect((await check({ status: 0, output: '' }, { status: 1, output: '' })).code).toBe(1);
  });

  test('TypeScript not installed: says how to fix it, runs the tests, and fails', async () => {
    const empty = path.join(tmp, 'no-typescript');
    await fs.mkdir(empty);
    const { code, printed } = await check({ status: 0, output: '' }, { status: 0, output: '' }, empty);
    expect(code).toBe(1);
    expect(printed).toContain('TypeScript is not installed here (typescript-missing): run npm install');
    expect(printed).toContain('Vitest is not installed here (vitest-missing)');
  });

  test("finds the starter's installed tsc and vitest", () => {
    expect(installedBin(PACKAGE_ROOT, 'typescript', 'tsc')).toBe(path.join(PACKAGE_ROOT, 'node_modules/typescript/bin/tsc'));
    expect(installedBin(PACKAGE_ROOT, 'vitest', 'vitest')).toBe(path.join(PACKAGE_ROOT, 'node_modules/vitest/vitest.mjs'));
    expect(installedBin(tmp, 'typescript', 'tsc')).toBeNull();
  });

  test('the real tsc on a starter-like folder: a vector where a matrix is expected is reported at its line, and the test still runs', async () => {
    const dir = path.join(tmp, 'starter');
    await fs.mkdir(path.join(dir, 'exercises'), { recursive: true });
    await fs.copyFile(path.join(PACKAGE_ROOT, 'templates/starter/tsconfig.json'), path.join(dir, 'tsconfig.json'));
    await fs.writeFile(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
    await fs.symlink(path.join(PACKAGE_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    await fs.writeFile(
      path.join(dir, 'exercises/step.ts'),
      [
        'type Matrix = number[][];',
        'const rows = (m: Matrix): number => m.length;',
        'export function step(b2: number[]): number {',
        '  return rows(b2);',
        '}',
        '',
      ].join('\n'),
    );
    await fs.writeFile(
      path.join(dir, 'exercises/step.test.ts'),
      "import { expect, test } from 'vitest';\nimport { step } from './step.ts';\ntest('step', () => expect(step([1, 2])).toBe(2));\n",
    );
    // the real runner, with Vitest's output kept here rather than shown in this test run's
    let testsOutput = '';
    const run: RunProgram = async (args, opts) => {
      const ran = await runNode(args, { ...opts, output: { kind: 'capture' } });
      if (args[0].includes('vitest')) testsOutput = ran.output;
      return ran;
    };
    let printed = '';
    const code = await runCheck({ cwd: dir, reporter: 'default', args: [], out: (t) => (printed += t), run });
    expect(printed).toMatch(/^exercises\/step\.ts\(4,15\): error TS2345: /);
    expect(printed).toContain('TypeScript found 1 type error');
    expect(code).toBe(1);
    expect(testsOutput).toMatch(/1 passed/);
  }, 60_000);
});

describe('runNode', () => {
  test("shown output waits for `after`: a program's first line comes after what is printed before it settles", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const after = new Promise<void>((resolve) => setTimeout(resolve, 300)).then(() => void written.push('printed first\n'));
      const ran = await runNode(['-e', 'console.log("from the program")'], { cwd: PACKAGE_ROOT, output: { kind: 'show', after } });
      expect(ran.status).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toBe('printed first\nfrom the program\n');
  });
});
