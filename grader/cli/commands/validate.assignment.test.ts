// relu-lab validate --assignment DIR validates another assignment than the
// ReLU course: `double` (grader/assignment/testing/double/), whose reference
// must earn everything and whose one fixture must lose points in its task.
// The ReLU course's vacuity corpus is the course's own and is not graded.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { DEFAULTS, PACKAGE_ROOT } from '../../core/defaults.ts';
import { assignment as double } from '../../assignment/testing/double/assignment.ts';
import { main } from '../main.ts';

const DOUBLE = path.relative(PACKAGE_ROOT, path.dirname(double.manifestPath));

async function validate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), color: false, env: {}, cwd: PACKAGE_ROOT };
  const code = await main(['validate', ...args], io);
  return { code, stdout, stderr };
}

describe('relu-lab validate --assignment', () => {
  test("grades the assignment's reference and its own fixtures, and nothing of the course's", async () => {
    const { code, stdout, stderr } = await validate('--assignment', DOUBLE);
    expect(stderr).toBe('');
    const rows = stdout.split('\n').filter((line) => /^(ok {2}|FAIL) /.test(line));
    // rows come as grading ends, in no set order
    expect(rows.map((line) => line.split(/\s+/).slice(0, 2)).sort((x, y) => x[1].localeCompare(y[1]))).toEqual([
      ['ok', 'fails-double-adds-one'],
      ['ok', 'reference'],
    ]);
    expect(rows.find((line) => line.includes('fails-double-adds-one'))).toMatch(/loses double/);
    expect(stdout).not.toMatch(/vacuous-/);
    expect(stdout).toMatch(/\n2 of 2 submissions graded as expected in [\d.]+ s\n$/);
    expect(code).toBe(0);
  }, 120_000);

  test('warns on stderr, without changing the exit code, when the manifest asks for fewer runs than the corpus was validated at', async () => {
    const data = JSON.parse(await fs.readFile(double.manifestPath, 'utf8'));
    delete data.$schema;
    data.fastCheck = { numRuns: DEFAULTS.validatedNumRuns - 1 };
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-validate-runs-'));
    const manifestFile = path.join(dir, 'assignment.json');
    await fs.writeFile(manifestFile, JSON.stringify(data));
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const { code, stdout } = await validate('--assignment', DOUBLE, '--manifest', manifestFile);
      expect(written.join('')).toMatch(new RegExp(`^warning: .*numRuns ${DEFAULTS.validatedNumRuns - 1}, fewer than the ${DEFAULTS.validatedNumRuns} .*\n$`));
      expect(stdout).toMatch(/\n2 of 2 submissions graded as expected/);
      expect(code).toBe(0);
    } finally {
      spy.mockRestore();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('refuses a folder that holds no assignment', async () => {
    const { code, stderr } = await validate('--assignment', 'grader/assignment/testing');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/has no assignment\.ts/);
  });
});
