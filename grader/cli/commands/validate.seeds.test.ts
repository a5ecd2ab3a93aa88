// relu-lab validate --seeds N grades the corpus under N seeds: the manifest's
// own, then others, each at the fewest runs the corpus is validated for. Run
// on the tiny `double` assignment (grader/assignment/testing/double/).
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { assignment as double } from '../../assignment/testing/double/assignment.ts';
import { loadManifest } from '../../manifest/loadManifest.ts';
import { main } from '../main.ts';

const DOUBLE = path.relative(PACKAGE_ROOT, path.dirname(double.manifestPath));

async function validate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), color: false, env: {}, cwd: PACKAGE_ROOT };
  const code = await main(['validate', ...args], io);
  return { code, stdout, stderr };
}

describe('relu-lab validate --seeds', () => {
  test("grades every submission once per seed, the manifest's seed first, and lists only the surprises", async () => {
    const { fastCheck } = await loadManifest(double.manifestPath);
    const { code, stdout } = await validate('--assignment', DOUBLE, '--seeds', '3');
    const seeds = [...stdout.matchAll(/^seed (\d+), (\d+) runs: 2 of 2 graded as expected/gm)].map((m) => Number(m[1]));
    expect(seeds).toEqual([fastCheck.seed, 1, 42]);
    expect(stdout).not.toMatch(/^(ok|FAIL) /m);
    expect(stdout).toMatch(/\nunder 3 seeds: 6 of 6 gradings as expected\n$/);
    expect(code).toBe(0);
  }, 120_000);

  test('--seeds must be a whole number from 1 to 100', async () => {
    for (const bad of ['0', '1.5', 'many', '101']) {
      const { code, stderr } = await validate('--assignment', DOUBLE, '--seeds', bad);
      expect(code, bad).toBe(2);
      expect(stderr, bad).toMatch(/--seeds/);
    }
  });
});
