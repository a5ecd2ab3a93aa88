// relu-lab grade --assignment DIR grades with another assignment than the
// ReLU course: `double`, one module and two checks (grader/assignment/testing/double/).
// The reference earns everything, the stub nothing, a planted mistake loses
// its points with a counterexample; each run writes a valid results.json and
// a report.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import type { ResultsDocument } from '../../results/types.ts';
import { validateResults } from '../../results/validateResults.ts';
import { assignment as double } from '../../assignment/testing/double/assignment.ts';
import { loadFixtureCorpus, materialiseFixture } from '../../corpus/fixtureCorpus.ts';
import { main } from '../main.ts';

const DOUBLE = path.relative(PACKAGE_ROOT, path.dirname(double.manifestPath));
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-grade-assignment-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));

async function grade(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), color: false, env: {}, cwd: PACKAGE_ROOT };
  const code = await main(['grade', '--assignment', DOUBLE, ...args], io);
  return { code, stdout, stderr };
}

/** Grades `submission` with `double` into a fresh folder; its results.json, validated, and whether report.html was written. */
async function graded(name: string, submission: string): Promise<{ doc: ResultsDocument; stdout: string; html: string }> {
  const out = path.join(work, name);
  const { code, stdout, stderr } = await grade(submission, '--out', out);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const doc = validateResults(JSON.parse(await fs.readFile(path.join(out, 'results.json'), 'utf8')));
  return { doc, stdout, html: await fs.readFile(path.join(out, 'report.html'), 'utf8') };
}

describe('relu-lab grade --assignment', () => {
  test("the assignment's reference scores 10 / 10 on its own two checks", async () => {
    const { doc, html } = await graded('solution', double.solutionsDir);
    expect(doc.outcome).toEqual({ kind: 'graded' });
    expect(doc.score).toEqual({ earned: 10, possible: 10 });
    expect(doc.tasks).toEqual([{ id: 'double', title: 'Twice a number', file: 'exercises/double.ts', earned: 10, possible: 10 }]);
    expect(doc.tests.map((t) => [t.id, t.status, t.possible])).toEqual([
      ['double.matches-reference', 'passed', 7.5],
      ['double.zero-and-odd', 'passed', 2.5],
    ]);
    expect(doc.plots).toBeUndefined();
    expect(html).toContain('Twice a number: 2 of 2 tests passed');
  });

  test('its stub, which throws "not implemented", scores 0 / 10', async () => {
    const { doc, stdout } = await graded('stub', double.exercisesDir);
    expect(doc.score).toEqual({ earned: 0, possible: 10 });
    expect(doc.tests.map((t) => t.status)).toEqual(['errored', 'errored']);
    expect(doc.tests[0].message).toMatch(/not implemented/);
    expect(stdout).toMatch(/not implemented/);
  });

  test('a planted mistake (2x + 1) fails both checks with what it returned, the property with a shrunk counterexample', async () => {
    const fixture = (await loadFixtureCorpus(double)).find((f) => f.name === 'fails-double-adds-one');
    expect(fixture?.expect).toEqual({ kind: 'loses', task: 'double' });
    const { doc } = await graded('fixture', await materialiseFixture(fixture!, path.join(work, 'fails-double-adds-one')));
    expect(doc.score.earned).toBeLessThan(10);
    const [matches, zero] = doc.tests;
    expect(matches).toMatchObject({ status: 'failed', earned: 0, counterexample: { seed: doc.seed, value: '0' } });
    expect(zero).toMatchObject({ status: 'failed', earned: 0, observed: { actual: 1, expected: 0 } });
  });

  test('a folder with no assignment.ts is a usage error that says what to pass', async () => {
    const { code, stderr } = await grade(double.solutionsDir, '--out', path.join(work, 'none'), '--assignment', 'grader/assignment/testing');
    expect(code).toBe(2);
    expect(stderr).toMatch(/has no assignment\.ts.*\[assignment-not-found\]/s);
  });
});
