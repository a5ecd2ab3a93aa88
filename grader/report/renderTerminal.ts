// The report for a terminal: the total, each task's score, and for each
// failing test what was checked, the student's value beside the expected
// one, the counterexample and the hint. Colour only when the caller says so
// (decided from `process.stdout.isTTY && !process.env.NO_COLOR`).
//
// It stays short where a long list would only repeat itself: on untouched
// stubs (every test fails with "not implemented") it says where to start in
// a few lines; a task whose functions all still throw "not implemented" is
// one line; of a task's other failures the first few are shown in full and
// the rest one line each (report.html has them all).
//
// A document graded by the visible tests (`suite: 'visible'`) says so in its
// score line, with the graded checks withheld until later counted beside it:
// "visible tests 96 / 96 · 5 hidden checks (4 points) are graded after the
// deadline".
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
import type { FailingTestView, HintSegment, ReportView, TaskView } from './ReportView.ts';
import { visibleScoreText } from './summarySentence.ts';

export interface TerminalOptions extends ReportViewOptions {
  color: boolean;
}

type Format = Parameters<typeof styleText>[0];

/** Failing tests of a task shown in full; the rest get one line each. */
export const FULL_FAILURES_PER_TASK = 3;

/** What the terminal reads of the document beyond the view. */
export interface TerminalExtras {
  /** graded by the visible tests (`suite: 'visible'`): the withheld checks are graded later */
  visibleSuite?: boolean;
  /** whose value each side of a comparison is, by test id, when not the student's and the reference's */
  labels?: ReadonlyMap<string, { actual: string; expected: string }>;
}

export function renderTerminal(doc: ResultsDocument, opts: TerminalOptions): string {
  const labels = new Map<string, { actual: string; expected: string }>();
  for (const t of doc.tests) {
    if (t.observed?.actualLabel && t.observed.expectedLabel) labels.set(t.id, { actual: t.observed.actualLabel, expected: t.observed.expectedLabel });
  }
  return renderTerminalView(buildReportView(doc, opts), opts.color, { visibleSuite: doc.suite === 'visible', labels });
}

/** A stub's message: its function still throws "not implemented". */
const NOT_IMPLEMENTED = /not implemented/;

const untouched = (task: TaskView): boolean =>
  task.failing.length > 0 &&
  task.passed.length === 0 &&
  task.blockedNote === null &&
  task.failing.every((t) => t.message !== null && NOT_IMPLEMENTED.test(t.message));

/** The visible tests the view shows (in a visible run, the withheld checks are not tests that ran). */
function visibleTestCount(view: ReportView): { total: number; failing: number } {
  const ran = (id: string) => !/\.withheld-\d+$/.test(id);
  const failing = view.tasks.flatMap((t) => t.failing).filter((t) => ran(t.id)).length;
  const passed = view.tasks.flatMap((t) => t.passed).filter((t) => ran(t.id)).length;
  return { total: failing + passed, failing };
}

/** The terminal text of a prepared view. */
export function renderTerminalView(unsafeView: ReportView, color: boolean, extras: TerminalExtras = {}): string {
  const view = sanitiseStrings(unsafeView);
  const paint = (format: Format, s: string): string => (color ? styleText(format, s) : s);
  const out: string[] = [];
  const line = (s = ''): void => {
    out.push(indentContinuation(s));
  };
  const visibleSuite = extras.visibleSuite === true;

  line(paint('bold', sanitiseText(view.title, { singleLine: true })));
  line(paint('dim', `graded ${view.gradedAt} · relu-lab ${view.graderVersion}${view.commitLine ? ` · commit ${view.commitLine}` : ''}`));
  line();
  if (view.banner) {
    line(paint(['bold', view.banner.kind === 'grader-error' ? 'red' : 'yellow'], `! ${view.banner.title}`));
    line(`  ${view.banner.message}`);
    line();
  }
  line(`${paint('bold', 'Score:')} ${paint('bold', visibleSuite ? visibleScoreText(view.score, view.withheld) : view.score.text)}`);

  // untouched stubs: where to start, in a few lines
  const firstRun = view.failingCount > 0 && view.diagnostics.length === 0 && view.tasks.every((t) => t.failing.length === 0 || untouched(t));
  if (firstRun && view.banner === null) {
    // what is withheld, said here since the summary below is left out
    if (!visibleSuite && view.withheld.length > 0) line(`  ${view.withheld.map((g) => g.text).join('; ')}`);
    const start = view.tasks.find(untouched)!;
    const lesson = start.failing.flatMap((t) => t.hint).find((h) => h.kind === 'link');
    const counted = visibleSuite ? visibleTestCount(view).failing : view.failingCount;
    line();
    line('Nothing implemented yet: every function still throws "not implemented".');
    line(`Start with ${start.file}${lesson ? ` (lesson: ${lesson.target})` : ''}, then run this again after each function you write.`);
    line(paint('dim', `${counted} ${visibleSuite ? 'visible ' : ''}${counted === 1 ? 'test waits' : 'tests wait'} for your code, task by task.`));
    return out.join('\n') + '\n';
  }

  if (visibleSuite) {
    const { total, failing } = visibleTestCount(view);
    line(
      failing === 0
        ? `All ${total} visible ${total === 1 ? 'test' : 'tests'} passed.`
        : `${failing} of ${total} visible ${total === 1 ? 'test' : 'tests'} did not pass.`,
    );
    line(paint('dim', `These are the ${total} tests npm run check runs; your grade comes from the graded checks, run when your work is graded.`));
  } else {
    line(view.summary);
    for (const g of view.withheldBreakdown) line(`  - ${g.text}`);
    if (view.score.note) line(paint('dim', view.score.note));
  }
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
      } else if (untouched(task)) {
        line();
        line(
          `  ${paint('yellow', '✗ not implemented yet')}  ${paint('bold', task.file)}  ${paint('dim', `${task.failing.length} ${task.failing.length === 1 ? 'test' : 'tests'} · ${task.title}`)}`,
        );
      } else {
        const full = task.failing.slice(0, FULL_FAILURES_PER_TASK);
        const rest = task.failing.slice(FULL_FAILURES_PER_TASK);
        for (const t of full) out.push(...failingLines(t, task.title, paint, extras.labels?.get(t.id)).map(indentContinuation));
        if (rest.length > 0) {
          line();
          line(`  ${paint('bold', `${rest.length} more in ${task.file}`)} ${paint('dim', '(in full in report.html)')}`);
          for (const t of rest) {
            const colour: Format = t.status === 'failed' || t.status === 'errored' ? 'red' : 'yellow';
            line(`    ${paint(colour, '✗')} ${t.name}  ${paint('dim', `${t.pointsText}${t.message ? ` · ${oneLine(t.message, 100)}` : ''}`)}`);
          }
        }
      }
    }
  }

  if (view.carried.length > 0) {
    line();
    line(paint('bold', 'Mistakes counted once'));
    for (const c of view.carried) line(`  • ${c.sentence} ${oneLine(c.wrongAt, 200)}`);
  }

  if (view.insights.length > 0) {
    line();
    line(paint('bold', 'Ideas from your results'));
    for (const i of view.insights) line(`  • ${i.text}`);
  }
  return out.join('\n') + '\n';
}

/** The first line of `text`, cut at `max` characters. */
function oneLine(text: string, max: number): string {
  const first = text.split('\n')[0];
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

function failingLines(
  t: FailingTestView,
  taskTitle: string,
  paint: (f: Format, s: string) => string,
  labels: { actual: string; expected: string } | undefined,
): string[] {
  const colour: Format = t.status === 'failed' || t.status === 'errored' ? 'red' : 'yellow';
  const lines = [
    '',
    `  ${paint(colour, `✗ ${t.statusLabel}`)}  ${paint('bold', t.name)}  ${paint('dim', `${t.pointsText} · ${taskTitle}`)}`,
    paint('dim', `      ${t.id}${t.visibilityNote ? ` · ${t.visibilityNote}` : ''}`),
  ];
  if (t.message) lines.push(`      ${t.message}`);
  if (t.comparison) {
    // whose value each is: the student's beside the reference's, or two of the student's own functions
    const [actual, expected] = labels ? [`${labels.actual}:`, `${labels.expected}:`] : ['yours:', 'expected:'];
    const width = Math.max(actual.length, expected.length) + 1;
    lines.push(`      ${actual.padEnd(width)}${paint('red', t.comparison.actual)}`);
    lines.push(`      ${expected.padEnd(width)}${labels ? paint('yellow', t.comparison.expected) : paint('green', t.comparison.expected)}`);
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
