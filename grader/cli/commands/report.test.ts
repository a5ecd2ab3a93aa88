import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sampleResults } from '../../report/fixtures/sample-results.ts';
import { main } from '../main.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-report-cli-'));
const file = path.join(dir, 'results.json');
await fs.writeFile(file, JSON.stringify(sampleResults));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), color: false, env: {}, cwd: dir };
  const code = await main(['report', ...args], io);
  return { code, stdout, stderr };
}

const hidden = sampleResults.tests.find((t) => t.visibility === 'hidden' && t.status !== 'passed')!;

describe('relu-lab report', () => {
  test('re-renders report.html and report.md beside the results', async () => {
    const { code, stdout } = await run('results.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/report: report\.html/);
    expect(await fs.readFile(path.join(dir, 'report.html'), 'utf8')).toMatch(/<html/);
  });

  test('a student does not see hidden checks before the deadline; an instructor does', async () => {
    const student = await run('results.json', '--format', 'md', '--now', '2020-01-01T00:00:00Z');
    const instructor = await run('results.json', '--format', 'md', '--audience', 'instructor');
    expect(student.stdout).not.toContain(hidden.name);
    expect(instructor.stdout).toContain(hidden.name);
  });

  test('bad arguments are usage errors', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('results.json', '--audience', 'parent')).stderr).toMatch(/--audience must be one of student, instructor/);
    expect((await run('missing.json')).stderr).toMatch(/cannot read missing\.json/);
  });
});

test('the sample results document the report tests use is itself valid', async () => {
  const { validateResults } = await import('../../results/validateResults.ts');
  expect(() => validateResults(JSON.parse(JSON.stringify(sampleResults)))).not.toThrow();
});
