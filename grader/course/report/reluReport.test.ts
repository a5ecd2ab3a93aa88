// The ReLU course's report as students and instructors read it: the report
// (grader/report/) given the course's public face, its hooks drawing the
// pictures and noticing what the course knows to look for.
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { renderReports } from '../../report/renderReports.ts';
import { renderTerminal } from '../../report/renderTerminal.ts';
import { assignment } from '../assignment.ts';
import { sampleResults } from './fixtures/sample-results.ts';

const NOW = new Date('2026-11-27T00:00:00Z');
const DEADLINE = new Date('2026-12-01T23:59:00Z');
const student = { audience: 'student' as const, now: NOW, deadline: DEADLINE, assignment };
const instructor = { audience: 'instructor' as const, now: NOW, deadline: DEADLINE, assignment };

/** Makes a render stable across runs and machines: durations, seeds and absolute paths. */
function normalise(text: string): string {
  return text
    .replaceAll(PACKAGE_ROOT, '<root>')
    .replace(/\b\d+(\.\d+)? (ms|s)\b/g, '<duration>')
    .replace(/\bseed:? \d+/g, (m) => m.replace(/\d+/, '<seed>'));
}

describe('snapshots', () => {
  test('Markdown, student', async () => {
    await expect(normalise(renderReports(sampleResults, student).markdown)).toMatchFileSnapshot('./__snapshots__/report.student.md');
  });
  test('Markdown, instructor', async () => {
    await expect(normalise(renderReports(sampleResults, instructor).markdown)).toMatchFileSnapshot('./__snapshots__/report.instructor.md');
  });
  test('terminal, student, no colour', async () => {
    await expect(normalise(renderTerminal(sampleResults, { ...student, color: false }))).toMatchFileSnapshot('./__snapshots__/terminal.student.txt');
  });
  test('terminal, instructor, no colour', async () => {
    await expect(normalise(renderTerminal(sampleResults, { ...instructor, color: false }))).toMatchFileSnapshot('./__snapshots__/terminal.instructor.txt');
  });
});

test('the terminal shows a failing check with yours, expected, the counterexample and the hint linked into the guide', () => {
  const text = renderTerminal(sampleResults, { ...student, color: false });
  expect(text).toContain('Score: 37 / 69 points on visible tests');
  expect(text).toMatch(/Activations\s+█+░+\s+4 \/ 8/);
  expect(text).toContain('reluGrad(z) is 1 for z > 0 and 0 for z <= 0');
  expect(text).toContain('counterexample: [0] (seed 123, path "4:1"');
  expect(text).toContain('See the kink at zero (exercises/README.md#the-kink-at-zero).');
});

describe('HTML', () => {
  const html = renderReports(sampleResults, student).html;

  test("draws the course's six pictures: two examples, two activations, the training loss, the dead-unit map", () => {
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html).toContain('Dead-unit map');
  });

  test('links hints and the guide relative from reports/<name>/', () => {
    expect(html).toContain('<a href="../../exercises/README.md#the-kink-at-zero">the kink at zero</a>');
    expect(html).toContain('The guide to every task is in <a href="../../exercises/README.md">exercises/README.md</a>.');
  });
});

test('a replayed counterexample calls the function the check names, imported from its module', () => {
  const { markdown } = renderReports(sampleResults, student);
  expect(markdown).toContain('const result = reluGrad(0);');
  expect(markdown).toContain("import { reluGrad } from './activations.ts';");
});

test("forged plots (not the course's shape) give a report without pictures or plot insights, not a crash", () => {
  const forged = { ...sampleResults, plots: { examples: [{ id: 'linearExample', student: 'x' }], activations: 7 } };
  const out = renderReports(forged, student);
  expect(out.html).not.toContain('<svg ');
  expect(out.markdown).not.toContain('Pictures of your functions');
  expect(out.terminal).not.toContain('reluGrad(0) is 1;');
  expect(out.terminal).toContain('stopped at the time limit');
});
