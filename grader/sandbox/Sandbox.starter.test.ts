// The starter exercises/ as a student receives it: it compiles, and every
// export reports "not implemented" through the sandbox.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { compileSubmission } from './compileSubmission.ts';
import { Sandbox } from './Sandbox.ts';

let root: string;
let sb: Sandbox;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-starter-'));
  const compiled = await compileSubmission(
    path.join(PACKAGE_ROOT, 'exercises'),
    path.join(root, 'code'),
    assignment.modules.map((m) => m.name),
  );
  expect(compiled.diagnostics).toEqual([]);
  expect(compiled.files).not.toContain('activations.test.ts');
  sb = await Sandbox.open({ codeDir: path.join(root, 'code'), callTimeoutMs: 2_000, memoryMb: 128 });
});
afterAll(async () => {
  await sb?.close();
  await fs.rm(root, { recursive: true, force: true });
});

it('reports a stub function as not implemented', async () => {
  expect(await sb.call('activations', 'relu', [1])).toMatchObject({
    kind: 'threw',
    error: { name: 'Error', message: expect.stringMatching(/^not implemented: relu/) },
  });
});

it('reports a stub value, which throws when looked into, as not implemented', async () => {
  expect(await sb.value('claims', 'linearExample')).toMatchObject({
    kind: 'threw',
    error: { message: expect.stringMatching(/^not implemented: linearExample/) },
  });
  expect(sb.state).toBe('open');
});
