import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sampleResults } from '../../course/report/fixtures/sample-results.ts';
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

describe("relu-lab report on documents at the schema's limits", () => {
  /** sampleResults with its first failing shown test carrying `observed`, written as raw JSON text (values JSON.stringify could not build) */
  async function writeDoc(name: string, edit: (doc: typeof sampleResults) => void, raw: Record<string, string> = {}): Promise<string> {
    const doc = structuredClone(sampleResults);
    edit(doc);
    let text = JSON.stringify(doc);
    for (const [marker, json] of Object.entries(raw)) text = text.replaceAll(JSON.stringify(marker), json);
    await fs.mkdir(path.join(dir, name), { recursive: true });
    await fs.writeFile(path.join(dir, name, 'results.json'), text);
    return path.join(name, 'results.json');
  }
  const visibleFailing = sampleResults.tests.findIndex((t) => t.visibility === 'visible' && t.status !== 'passed');

  test('a value nested 100,000 deep: the full report, the value cut short, with what the submission wrote escaped', async () => {
    const file = await writeDoc(
      'deep',
      (doc) => {
        doc.tests[visibleFailing].observed = { actual: '__DEEP__', expected: 0 };
        doc.tests[visibleFailing].message = '<img src=x onerror=alert(1)> returned a deep value';
      },
      { __DEEP__: `${'['.repeat(100_000)}0${']'.repeat(100_000)}` },
    );
    for (const format of ['files', 'html', 'md', 'terminal']) {
      const { code, stderr } = await run(file, '--format', format);
      expect(code, `${format}: ${stderr}`).toBe(0);
      expect(stderr, format).not.toContain('could not be drawn');
    }
    const html = await fs.readFile(path.join(dir, 'deep', 'report.html'), 'utf8');
    expect(html).not.toContain('The full report could not be drawn');
    expect(html).toMatch(/<code>\[{100,2000}… \(an array of 1 item\)<\/code>/);
    expect(html).toContain(sampleResults.tests[visibleFailing].id);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(hidden.name);
  });

  test('600,000-long plot series and a 2,000,000-character message: the full report, bounded figures', async () => {
    const big = Array.from({ length: 600_000 }, (_, i) => 1 / (1 + i));
    const file = await writeDoc('huge', (doc) => {
      doc.plots!.training = { student: big, reference: big };
      doc.plots!.deadMap!.studentDead = big.map((_, i) => i);
      doc.tests[visibleFailing].message = 'x'.repeat(2_000_000);
    });
    const { code, stderr } = await run(file);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    const html = await fs.readFile(path.join(dir, 'huge', 'report.html'), 'utf8');
    expect(html).not.toContain('The full report could not be drawn');
    expect(html).toContain('and 599992 more');
  });

  test('a file that is not JSON is a clear error, not a crash', async () => {
    await fs.writeFile(path.join(dir, 'broken.json'), '{ "schemaVersion": 1,');
    const { code, stderr } = await run('broken.json');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/broken\.json is not JSON/);
  });
});
