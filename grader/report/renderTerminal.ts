// The report for a terminal: the total, each task's score, and for each
// failing test what was checked, the student's value beside the expected
// one, the counterexample and the hint. Colour only when the caller says so
// (decided from `process.stdout.isTTY && !process.env.NO_COLOR`).
//
// Everything in the view is sanitised first (core/sanitiseText.ts): a
// message a submission threw cannot move the cursor, retitle the window or
// reach the clipboard. Each line of a multi-line text is indented like its
// first, so no line of it can pose as one of the report's own (a fake
// `Score:` line sits indented under the test that printed it).
import { styleText } from 'node:util';
import { sanitiseStrings, sanitiseText } from '../core/sanitiseText.ts';
import type { ResultsDocument } from '../results/types.ts';
import { buildReportView, type ReportViewOptions } from './buildReportView.ts';
import type { FailingTestView, HintSegment, ReportView } from './ReportView.ts';

export interface TerminalOptions extends ReportViewOptions {
  color: boolean;
}

type Format = Parameters<typeof styleText>[0];

export function renderTerminal(doc: ResultsDocument, opts: TerminalOptions): string {
  return renderTerminalView(buildReportView(doc, opts), opts.color);
}

/** The terminal text of a prepared view. */
export function renderTerminalView(unsafeView: ReportView, color: boolean): string {
  const view = sanitiseStrings(unsafeView);
  const paint = (format: Format, s: string): string => (color ? styleText(format, s) : s);
  const out: string[] = [];
  const line = (s = ''): void => {
    out.push(indentContinuation(s));
  };

  line(paint('bold', sanitiseText(view.title, { singleLine: true })));
  line(paint('dim', `graded ${view.gradedAt} · relu-lab ${view.graderVersion}${view.commitLine ? ` · commit ${view.commitLine}` : ''}`));
  line();
  if (view.banner) {
    line(paint(['bold', view.banner.kind === 'grader-error' ? 'red' : 'yellow'], `! ${view.banner.title}`));
    line(`  ${view.banner.message}`);
    line();
  }
  line(`${paint('bold', 'Score:')} ${paint('bold', view.score.text)}`);
  line(view.summary);
  for (const g of view.withheldBreakdown) line(`  - ${g.text}`);
  if (view.score.note) line(paint('dim', view.score.note));
  line();

  line(paint('bold', 'Tasks'));
  const width = Math.max(...view.tasks.map((t) => t.title.length), 4);
  const scoreWidth = Math.max(...view.tasks.map((t) => t.scoreText.length), 4);
  for (const t of view.tasks) {
    const filled = Math.round(t.percent / 10);
    const bar = paint(t.percent >= 99.95 ? 'green' : t.percent > 0 ? 'cyan' : 'red', '█'.repeat(filled)) + paint('dim', '░'.repeat(10 - filled));
    const withheld = t.withheldNote ? paint('dim', `  ${t.withheldNote}`) : '';
    line(`  ${t.title.padEnd(width)}  ${bar}  ${t.scoreText.padStart(scoreWidth)}${withheld}`);
  }

  if (view.diagnostics.length > 0) {
    line();
    line(paint(['bold', 'red'], 'Compile errors'));
    for (const d of view.diagnostics) line(`  ${paint('red', d.location)}  ${d.message}`);
  }

  if (view.failingCount > 0) {
    line();
    line(paint('bold', 'What to fix'));
    for (const task of view.tasks) {
      if (task.blockedNote) {
        line();
        line(`  ${paint('yellow', `✗ not run`)}  ${paint('bold', `${task.failing.length} ${task.failing.length === 1 ? 'test' : 'tests'} of ${task.title}`)}`);
        line(`      ${task.blockedNote}`);
        for (const t of task.failing) line(paint('dim', `      - ${t.name} (${t.pointsText})${t.visibilityNote ? ` · ${t.visibilityNote}` : ''}`));
      } else {
        for (const t of task.failing) out.push(...failingLines(t, task.title, paint).map(indentContinuation));
      }
    }
  }

  if (view.insights.length > 0) {
    line();
    line(paint('bold', 'Ideas from your results'));
    for (const i of view.insights) line(`  • ${i.text}`);
  }
  return out.join('\n') + '\n';
}

function failingLines(t: FailingTestView, taskTitle: string, paint: (f: Format, s: string) => string): string[] {
  const colour: Format = t.status === 'failed' || t.status === 'errored' ? 'red' : 'yellow';
  const lines = [
    '',
    `  ${paint(colour, `✗ ${t.statusLabel}`)}  ${paint('bold', t.name)}  ${paint('dim', `${t.pointsText} · ${taskTitle}`)}`,
    paint('dim', `      ${t.id}${t.visibilityNote ? ` · ${t.visibilityNote}` : ''}`),
  ];
  if (t.message) lines.push(`      ${t.message}`);
  if (t.comparison) {
    lines.push(`      yours:    ${paint('red', t.comparison.actual)}`);
    lines.push(`      expected: ${paint('green', t.comparison.expected)}`);
  }
  if (t.counterexample) {
    lines.push(
      `      counterexample: ${t.counterexample.value} ${paint('dim', `(seed ${t.counterexample.seed}, path "${t.counterexample.path}"; report.html has it as a test to paste)`)}`,
    );
  }
  if (t.hint.length > 0) lines.push(`      ${paint('cyan', 'hint:')} ${hintText(t.hint)}`);
  return lines;
}

function hintText(segments: HintSegment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : s.text === s.target ? s.target : `${s.text} (${s.target})`)).join('');
}

/** `s` with every line after its first indented as far as the first (at least two spaces). */
function indentContinuation(s: string): string {
  if (!s.includes('\n')) return s;
  // eslint-disable-next-line no-control-regex
  const plain = s.replace(/\u001b\[[0-9;]*m/g, '');
  const indent = ' '.repeat(Math.max(2, /^ */.exec(plain)![0].length));
  return s.replace(/\n/g, `\n${indent}`);
}
