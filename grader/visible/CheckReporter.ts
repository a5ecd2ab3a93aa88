// The starter's `npm run check` reporter (bundled into .relu-lab/check-reporter.mjs
// and named with `vitest run --reporter` by runCheck, after the type check): the visible tests' outcomes,
// short. On untouched stubs (every test fails with "not implemented") it says
// where to start in a few lines instead of a page of red per test. Later, per
// test file: a file whose functions all still throw "not implemented" is one
// line; of the others' failures the first few are shown in full (message and
// place) and the rest one line each.
//
// It counts tests the way `npm run grade` does (visible/visibleResults.ts):
// every test of each task's test file (`exercises/<task>.test.ts`, the tasks
// of the manifest beside it), and a test file that could not load counts as
// one failed test, so both say the same number; tests of other files (an
// experiments file, say) are run and shown, and said not to be counted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { styleText } from 'node:util';
import type { Reporter, TestModule } from 'vitest/node';

/** Failures of a file shown in full; the rest get one line each. */
export const FULL_FAILURES_PER_FILE = 3;

const NOT_IMPLEMENTED = /not implemented/;
const GUIDE_LINK = /exercises\/README\.md#[\w-]+/;

interface Failure {
  name: string;
  message: string;
  /** `exercises/backprop.test.ts:40:5`, when known */
  at: string | null;
}

interface FileOutcome {
  file: string;
  /** the file the tests are about: `exercises/backprop.ts` for `exercises/backprop.test.ts` */
  subject: string;
  passed: number;
  failures: Failure[];
  guide: string | null;
}

type Format = Parameters<typeof styleText>[0];

/** `text`'s first line, at most `max` characters. */
function firstLine(text: string, max = 160): string {
  const line = text.split('\n')[0].trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function guideOf(file: string): string | null {
  try {
    return GUIDE_LINK.exec(fs.readFileSync(file, 'utf8').slice(0, 600))?.[0] ?? null;
  } catch {
    return null;
  }
}

/** What happened in one test file, counted as `npm run grade` counts it. */
export function fileOutcome(module: TestModule, root: string): FileOutcome {
  const file = path.relative(root, module.moduleId).split(path.sep).join('/');
  const outcome: FileOutcome = { file, subject: file.replace(/\.test\.ts$/, '.ts'), passed: 0, failures: [], guide: guideOf(module.moduleId) };
  for (const test of module.children.allTests()) {
    const result = test.result();
    if (result.state === 'passed') {
      outcome.passed++;
      continue;
    }
    const error = result.state === 'failed' ? result.errors?.[0] : undefined;
    const frame = error?.stacks?.find((s) => s.file === module.moduleId) ?? null;
    outcome.failures.push({
      name: test.fullName,
      message: result.state === 'failed' ? (error?.message ?? 'the test failed without a message') : `not run (${result.state})`,
      at: frame ? `${file}:${frame.line}:${frame.column}` : null,
    });
  }
  for (const error of module.errors()) {
    outcome.failures.push({ name: `${file} runs`, message: `${file} could not run: ${error.message ?? String(error)}`, at: null });
  }
  return outcome;
}

const untouched = (f: FileOutcome) => f.passed === 0 && f.failures.length > 0 && f.failures.every((x) => NOT_IMPLEMENTED.test(x.message));

/**
 * The report's lines for the files' outcomes, in the order given. `graded`:
 * the test files `npm run grade` counts (null: all of them).
 */
export function checkReport(files: FileOutcome[], color: boolean, graded: ReadonlySet<string> | null = null): string[] {
  const paint = (format: Format, s: string) => (color ? styleText(format, s) : s);
  const counted = files.filter((f) => graded === null || graded.has(f.file));
  const total = counted.reduce((n, f) => n + f.passed + f.failures.length, 0);
  const failed = counted.reduce((n, f) => n + f.failures.length, 0);
  const uncounted = files.filter((f) => !counted.includes(f));
  const others = uncounted.reduce((n, f) => n + f.passed + f.failures.length, 0);
  const tests = (n: number) => `${n} visible ${n === 1 ? 'test' : 'tests'}`;
  const out: string[] = [];

  if (counted.length > 0 && counted.every(untouched)) {
    const start = counted[0];
    out.push(
      paint('bold', `relu-lab check: ${tests(total)}, none passing yet.`),
      'Nothing implemented yet: every function still throws "not implemented".',
      `Start with ${start.subject}${start.guide ? ` (lesson: ${start.guide})` : ''}, then run npm run check again after each function you write.`,
    );
    return out;
  }

  for (const f of files) {
    const count = f.passed + f.failures.length;
    if (f.failures.length === 0) {
      out.push(`${paint('green', '✓')} ${f.file}  ${paint('dim', `${count} of ${count} passed`)}`);
    } else if (untouched(f)) {
      out.push(`${paint('yellow', '✗')} ${f.subject}  ${paint('dim', `not implemented yet (${count} ${count === 1 ? 'test' : 'tests'})`)}`);
    } else {
      out.push(`${paint('red', '✗')} ${f.file}  ${paint('dim', `${f.failures.length} of ${count} did not pass`)}`);
      f.failures.slice(0, FULL_FAILURES_PER_FILE).forEach((x) => {
        out.push(`    ${paint('red', '✗')} ${paint('bold', x.name)}`);
        for (const line of x.message.split('\n').slice(0, 8)) out.push(`        ${line}`);
        if (x.at) out.push(paint('dim', `        at ${x.at}`));
      });
      const rest = f.failures.slice(FULL_FAILURES_PER_FILE);
      for (const x of rest) out.push(`    ${paint('red', '✗')} ${x.name}  ${paint('dim', firstLine(x.message, 100))}`);
    }
  }
  out.push('');
  out.push(
    failed === 0 ? paint(['bold', 'green'], `${tests(total)}: all passed.`) : paint('bold', `${tests(total)}: ${total - failed} passed, ${failed} did not.`),
  );
  const unloadable = counted.filter((f) => f.failures.some((x) => x.name === `${f.file} runs`)).length;
  out.push(
    paint(
      'dim',
      `npm run grade counts the same ${total}${unloadable > 0 ? ' (a test file that cannot run counts as one failed test)' : ''}; your grade comes from the graded checks, run when your work is graded.`,
    ),
  );
  if (others > 0) {
    out.push(
      paint(
        'dim',
        `${others} more ${others === 1 ? 'test' : 'tests'} in ${uncounted.map((f) => f.file).join(', ')}: run here, not counted by npm run grade (no task has that file).`,
      ),
    );
  }
  return out;
}

/** The test files `npm run grade` counts, `exercises/<task>.test.ts`, from the manifest beside the student edition; null when it cannot be read. */
export function gradedTestFiles(manifestFile: string): Set<string> | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { tasks?: { id?: unknown; file?: unknown }[] };
    const files = (manifest.tasks ?? []).map((t) =>
      typeof t.file === 'string' && typeof t.id === 'string' ? `${path.posix.dirname(t.file)}/${t.id}.test.ts` : null,
    );
    return files.every((f): f is string => f !== null) && files.length > 0 ? new Set(files) : null;
  } catch {
    return null;
  }
}

/** Vitest's reporter for `npm run check` in the starter. */
export default class CheckReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: { config: { root: string } }): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string }>): void {
    // FORCE_COLOR: npm run check (runCheck) shows this output through a pipe, in colour when its own output is a terminal
    const forced = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
    const color = (process.stdout.isTTY === true || forced) && !process.env.NO_COLOR;
    // in the guide's order (its sections are numbered), so "start with" names its first lesson
    const lesson = (f: FileOutcome) => Number(/#(\d+)-/.exec(f.guide ?? '')?.[1] ?? Infinity);
    const files = [...modules].map((m) => fileOutcome(m, this.root)).sort((a, b) => lesson(a) - lesson(b) || a.file.localeCompare(b.file));
    const manifest = path.join(path.dirname(fileURLToPath(import.meta.url)), 'grader/assignment.json');
    const lines = checkReport(files, color, gradedTestFiles(manifest));
    for (const e of unhandledErrors) lines.push(`an error outside any test: ${firstLine(e.message ?? String(e))}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
