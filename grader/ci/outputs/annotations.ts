// GitHub Actions annotations (workflow commands on stdout): one error per
// failing function, on the line of `export function <name>` in the
// student's file, listing the tests that failed there; compile errors first.
// GitHub shows at most 10 errors per step, so the rest are summed up in a notice.
// Messages may hold what a submission threw: they are sanitised
// (core/sanitiseText.ts) and their line breaks escaped, so no escape sequence
// reaches the log and no line of theirs starts a workflow command.
import { sanitiseText } from '../../core/sanitiseText.ts';
import type { Diagnostic } from '../../results/types.ts';
import type { CiView, LocatedTest } from './ciView.ts';

/** Errors GitHub displays per step. */
export const MAX_ERRORS = 10;
const MAX_TESTS_PER_ANNOTATION = 5;
const MAX_MESSAGE = 300;

/** Escapes the message part of a workflow command (sanitised first, so a lone CR is shown, not sent). */
export function escapeData(text: string): string {
  return sanitiseText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title) of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(sanitiseText(text, { singleLine: true }))
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', props: Record<string, string | number | null>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text);

const STATUS_WORD: Record<string, string> = { failed: 'fails', errored: 'errors', 'timed-out': 'did not finish', 'not-run': 'did not run' };

function group(failing: LocatedTest[]): LocatedTest[][] {
  const groups = new Map<string, LocatedTest[]>();
  for (const t of failing) {
    const key = `${t.file}\u0000${t.line ?? ''}\u0000${t.line === null ? t.test.id : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()];
}

function testAnnotation(tests: LocatedTest[]): string {
  const first = tests[0];
  const subject = first.fn && first.line !== null ? first.fn : first.task.title;
  const title = tests.length === 1 ? `${subject}: ${first.test.name}` : `${subject}: ${tests.length} tests fail`;
  const lines = tests
    .slice(0, MAX_TESTS_PER_ANNOTATION)
    .map((t) => `✗ ${t.test.name} (${STATUS_WORD[t.test.status] ?? t.test.status})${t.test.message ? `\n  ${clip(t.test.message)}` : ''}`);
  if (tests.length > MAX_TESTS_PER_ANNOTATION) lines.push(`… and ${tests.length - MAX_TESTS_PER_ANNOTATION} more`);
  lines.push(`hint: ${first.test.hint}`);
  return command('error', { file: first.file, line: first.line, title: `relu-lab: ${title}` }, lines.join('\n'));
}

function diagnosticAnnotation(d: Diagnostic): string {
  return command('error', { file: d.file, line: d.line, col: d.column, title: 'relu-lab: does not compile' }, d.message);
}

/** The workflow commands for `view`, in the order to print them. */
export function githubAnnotations(view: CiView): string[] {
  const failing = view.shown.filter((t) => t.test.status !== 'passed');
  const all = [...view.doc.diagnostics.map(diagnosticAnnotation), ...group(failing).map(testAnnotation)];
  const out = all.slice(0, MAX_ERRORS);
  if (all.length > MAX_ERRORS) {
    out.push(
      command('notice', { title: 'relu-lab' }, `${all.length - MAX_ERRORS} more problems are not annotated: see the job summary or the report artifact.`),
    );
  }
  return out;
}
