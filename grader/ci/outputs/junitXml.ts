// JUnit XML for CI test panels (GitLab, Jenkins, Azure): one suite per task,
// one case per test the student may see, with file, line and points; compile
// errors as failing cases of their own suite; the tests withheld from the
// reader as one skipped case per group that says how many there are, their
// points and when they are graded (a visible run) or shown, never their names.
import { sumPoints } from '../../core/points.ts';
import { sanitiseText } from '../../core/sanitiseText.ts';
import { gradedLaterClause } from '../../report/summarySentence.ts';
import type { CiView, LocatedTest } from './ciView.ts';

/**
 * Escapes text for XML 1.0. It is sanitised first (core/sanitiseText.ts), so
 * the controls XML cannot hold are shown as `\uXXXX` rather than lost, and a
 * CI panel that prints the message to a terminal gets no escape sequence;
 * what is left that XML cannot hold (U+FFFE, U+FFFF) is dropped.
 */
export function escapeXmlText(text: string): string {
  return (
    sanitiseText(text)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

const attrs = (values: Record<string, string | number | null>) =>
  Object.entries(values)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => ` ${k}="${escapeXmlText(String(v))}"`)
    .join('');

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const firstLine = (text: string) => text.split('\n')[0].slice(0, 200);
const points = (earned: number, possible: number) => `${Number(earned.toFixed(4))}/${Number(possible.toFixed(4))}`;

function testCase(t: LocatedTest, indent: string): string {
  const open = `${indent}<testcase${attrs({ name: t.test.name, classname: t.file, file: t.file, line: t.line, time: seconds(t.test.durationMs) })}>`;
  const props = `${indent}  <properties><property name="id" value="${escapeXmlText(t.test.id)}"/><property name="points" value="${points(t.earned, t.possible)}"/></properties>`;
  const body = `${t.test.message ?? ''}\n\nhint: ${t.test.hint}`.trim();
  let outcome = '';
  if (t.test.status === 'failed')
    outcome = `${indent}  <failure${attrs({ message: firstLine(t.test.message ?? 'failed'), type: 'failed' })}>${escapeXmlText(body)}</failure>\n`;
  else if (t.test.status !== 'passed')
    outcome = `${indent}  <error${attrs({ message: firstLine(t.test.message ?? t.test.status), type: t.test.status })}>${escapeXmlText(body)}</error>\n`;
  return `${open}\n${props}\n${outcome}${indent}</testcase>`;
}

export function junitXml(view: CiView): string {
  const name = view.mode.kind === 'visible' ? 'relu-lab (visible tests only)' : 'relu-lab (hidden tests)';
  const suites: string[] = [];
  const totals = { tests: 0, failures: 0, errors: 0, ms: 0 };
  const compile = view.doc.diagnostics;
  if (compile.length > 0) {
    const cases = compile.map(
      (d) =>
        `    <testcase${attrs({ name: `${d.file} compiles`, classname: d.file, file: d.file, line: d.line, time: '0.000' })}>\n      <failure${attrs({ message: firstLine(d.message), type: 'compile-error' })}>${escapeXmlText(`${d.file}:${d.line}:${d.column} ${d.message}`)}</failure>\n    </testcase>`,
    );
    suites.push(
      `  <testsuite${attrs({ name: 'Compile', tests: compile.length, failures: compile.length, errors: 0, skipped: 0, time: '0.000' })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
    totals.tests += compile.length;
    totals.failures += compile.length;
  }
  for (const task of view.doc.tasks) {
    const mine = view.shown.filter((t) => t.task.id === task.id);
    if (mine.length === 0) continue;
    const failures = mine.filter((t) => t.test.status === 'failed').length;
    const errors = mine.filter((t) => t.test.status !== 'failed' && t.test.status !== 'passed').length;
    const ms = mine.reduce((a, t) => a + t.test.durationMs, 0);
    const earned = sumPoints(mine.map((t) => t.earned));
    const possible = sumPoints(mine.map((t) => t.possible));
    const head = `  <testsuite${attrs({ name: task.title, tests: mine.length, failures, errors, skipped: 0, time: seconds(ms), file: task.file })}>`;
    const props = `    <properties><property name="task" value="${escapeXmlText(task.id)}"/><property name="points" value="${points(earned, possible)}"/></properties>`;
    suites.push(`${head}\n${props}\n${mine.map((t) => testCase(t, '    ')).join('\n')}\n  </testsuite>`);
    totals.tests += mine.length;
    totals.failures += failures;
    totals.errors += errors;
    totals.ms += ms;
  }
  let skipped = 0;
  if (view.withheldGroups.length > 0) {
    const visible = view.mode.kind === 'visible';
    const cases = view.withheldGroups.map((g) => {
      const text = visible
        ? gradedLaterClause(g)
        : `${g.count} hidden ${g.count === 1 ? 'test' : 'tests'} (${Number(g.points.toFixed(2))} points), not shown yet`;
      const why = visible ? 'not run here: the hidden checks run when your work is graded' : 'graded, and not shown to you yet';
      return `    <testcase${attrs({ name: text, classname: 'relu-lab', time: '0.000' })}>\n      <skipped${attrs({ message: why })}/>\n    </testcase>`;
    });
    const title = visible ? 'Graded later' : 'Not shown yet';
    suites.push(
      `  <testsuite${attrs({ name: title, tests: cases.length, failures: 0, errors: 0, skipped: cases.length, time: '0.000' })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
    totals.tests += cases.length;
    skipped = cases.length;
  }
  const head = `<testsuites${attrs({ name, tests: totals.tests, failures: totals.failures, errors: totals.errors, skipped, time: seconds(totals.ms) })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}
