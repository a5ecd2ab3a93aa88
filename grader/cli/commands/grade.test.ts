// relu-lab grade on the untouched stubs: it completes, writes its three
// files, and --min-score decides the exit code.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { validateResults } from '../../results/validateResults.ts';
import { main } from '../main.ts';

const out = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-grade-cli-'));
afterAll(() => fs.rm(out, { recursive: true, force: true }));

test('grading the stubs completes with score 0, writes the results and reports, and fails --min-score', async () => {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), color: false, env: {}, cwd: PACKAGE_ROOT };
  const code = await main(['grade', '--submission', 'exercises', '--out', out, '--min-score', '50'], io);
  expect(code).toBe(1);
  expect(stderr).toMatch(/score 0\.0 % is below --min-score 50/);
  expect(stdout).toMatch(/not implemented/);
  expect(stdout).toMatch(/report: .*report\.html/);
  const doc = validateResults(JSON.parse(await fs.readFile(path.join(out, 'results.json'), 'utf8')));
  expect(doc.score.earned).toBe(0);
  expect(doc.outcome.kind).toBe('graded');
  await expect(fs.stat(path.join(out, 'report.html'))).resolves.toBeTruthy();
  await expect(fs.stat(path.join(out, 'report.md'))).resolves.toBeTruthy();
});

test("a student's folder holding exercises/ (a clone, an unpacked zip) is graded from inside it, as bulk grades it", async () => {
  const alice = path.join(out, 'alice');
  await fs.cp(path.join(PACKAGE_ROOT, 'solutions'), path.join(alice, 'exercises'), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  await fs.copyFile(path.join(PACKAGE_ROOT, 'exercises', 'types.ts'), path.join(alice, 'exercises', 'types.ts'));
  await fs.writeFile(path.join(alice, 'README.md'), 'alice');
  const io = { out: () => {}, err: () => {}, color: false, env: {}, cwd: PACKAGE_ROOT };
  const code = await main(['grade', '--submission', alice, '--out', path.join(out, 'alice-report'), '--min-score', '100'], io);
  expect(code).toBe(0);
  const doc = validateResults(JSON.parse(await fs.readFile(path.join(out, 'alice-report', 'results.json'), 'utf8')));
  expect(doc.submission.name).toBe('alice');
  expect(doc.score.earned).toBe(doc.score.possible);
});
