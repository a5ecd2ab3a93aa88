import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { runVisibleTests, type VisibleRun } from './runVisibleTests.ts';

let root: string;
let run: VisibleRun;

const FILES: Record<string, string> = {
  'exercises/code.ts': [
    "console.log('::error file=exercises/code.ts::forged by the submission');",
    'export const add = (a: number, b: number) => a + b;',
    'export function spin(): number { for (;;) {} }',
  ].join('\n'),
  'exercises/a.test.ts': [
    "import { expect, test } from 'vitest';",
    "import { add } from './code.ts';",
    "test('adds', () => expect(add(1, 2)).toBe(3));",
    "test('adds wrongly', () => expect(add(1, 2)).toBe(4));",
    "test.skip('skipped', () => {});",
  ].join('\n'),
  'exercises/b.test.ts': [
    "import { expect, test } from 'vitest';",
    "import { spin } from './code.ts';",
    "test('spins', () => expect(spin()).toBe(1));",
    "test('after the spin', () => expect(1).toBe(1));",
  ].join('\n'),
  'exercises/c.test.ts': "import { test } from 'vitest';\nimport { nothing } from './missing.ts';\ntest('never', () => nothing());\n",
};

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-visible-test-'));
  for (const [file, text] of Object.entries(FILES)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  await fs.symlink(path.join(PACKAGE_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  run = await runVisibleTests({
    root,
    files: ['exercises/a.test.ts', 'exercises/b.test.ts', 'exercises/c.test.ts', 'exercises/d.test.ts'],
    testTimeoutMs: 2_000,
    stallGraceMs: 2_000,
    deadlineMs: 50_000,
  });
}, 60_000);

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const status = (name: string) => run.tests.find((t) => t.test.path.join(' > ') === name)?.status;

describe('runVisibleTests', () => {
  test('reports passed, failed and skipped tests with their messages', () => {
    expect(status('adds')).toBe('passed');
    expect(status('adds wrongly')).toBe('failed');
    expect(run.tests.find((t) => t.test.path[0] === 'adds wrongly')?.message).toMatch(/expected 3 to be 4/);
    expect(status('skipped')).toBe('skipped');
  });

  test('stops an endless loop: that test timed out, the rest of its file not run, other files kept', () => {
    expect(run.stopped?.kind).toBe('stalled');
    expect(status('spins')).toBe('timed-out');
    expect(status('after the spin')).toBe('not-run');
  });

  test('a test file that cannot be imported, or is missing, is a file error', () => {
    expect(run.fileErrors.map((e) => e.file)).toEqual(['exercises/c.test.ts', 'exercises/d.test.ts']);
    expect(run.fileErrors[0].message).toMatch(/missing\.ts/);
  });

  test('knows where each test is declared', () => {
    expect(run.tests.find((t) => t.test.path[0] === 'adds wrongly')?.test.line).toBe(4);
  });
});
