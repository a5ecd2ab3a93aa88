// End to end: one bulk run, one grading process, a class where most students
// attack the grader — a reply 6,000 levels deep on the raw channel, 600,000
// losses from train, forged progress, calls that burn just under the call
// limit, control sequences in error messages, trace files written from the
// sandbox — and two honest students graded after them in the same process.
// Every attacker ends within the submission deadline with results.json and
// report.html written, the run's temporary files stay small, and the honest
// students keep 100 %.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULTS, PACKAGE_ROOT } from '../../core/defaults.ts';
import { validateResults } from '../../results/validateResults.ts';
import { assignment } from '../../course/assignment.ts';
import { type Fixture, loadFixtureCorpus, materialiseFixture } from '../../corpus/fixtureCorpus.ts';
import { main } from '../main.ts';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-hostile-class-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

/** entry name in the class (bulk grades in name order: attackers first) → fixture */
const ATTACKERS: Record<string, string> = {
  'a-deep-reply': 'forges-deep-reply-through-process-send',
  'b-huge-train': 'fails-train-returns-600000-losses',
  'c-forged-progress': 'hangs-by-forging-progress',
  'd-burns-under-limit': 'hangs-by-burning-just-under-the-call-limit',
  'e-control-sequences': 'prints-control-sequences-in-messages',
};
const HONEST: Record<string, string> = { 'y-honest-loops': 'passes-all-loops', 'z-honest-functional': 'passes-all-functional' };
const TRACER = 'f-writes-trace-files';

/** The reference, but activations.ts starts Node's trace events at load and in every relu call. */
const TRACE_WRITER: Fixture = {
  name: TRACER,
  dir: path.join(root, 'tracer-fixture'),
  description: 'correct code that tries to fill the disk with trace files',
  expect: { kind: 'full' },
  source: 'edits',
  files: [],
  assignment,
  edits: [
    {
      file: 'activations.ts',
      find: 'export function relu(z: number): number {\n',
      replace: `function startTracing(): void {
  try {
    const tracing = (process as unknown as { getBuiltinModule(id: string): { createTracing(o: object): { enable(): void } } })
      .getBuiltinModule('trace_events')
      .createTracing({ categories: ['node', 'v8', 'node.async_hooks', 'node.perf'] });
    tracing.enable();
  } catch {
    // the sandbox refused: go on and answer honestly
  }
}
startTracing();

export function relu(z: number): number {
  startTracing();
`,
    },
  ],
};

const classDir = path.join(root, 'class');
const tmp = path.join(root, 'tmp');
const out = path.join(root, 'out');

beforeAll(async () => {
  const corpus = await loadFixtureCorpus(assignment);
  for (const [entry, name] of Object.entries({ ...ATTACKERS, ...HONEST })) {
    await materialiseFixture(
      corpus.find((f) => f.name === name)!,
      path.join(classDir, entry),
    );
  }
  await materialiseFixture(TRACE_WRITER, path.join(classDir, TRACER));
  await fs.mkdir(tmp);
});

/** Bytes under `dir`, as du counts them (0 when it is gone). */
function bytesUnder(dir: string): number {
  try {
    return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\t')[0]) || 0;
  } catch {
    return 0;
  }
}

const readDoc = async (id: string) => validateResults(JSON.parse(await fs.readFile(path.join(out, id, 'results.json'), 'utf8')));

describe('a hostile class graded in one grading process', () => {
  test('attackers end with results and reports, temporary files stay small, honest students keep 100 %', { timeout: 600_000 }, async () => {
    // every temporary folder of the run (grading processes' TMPDIRs, sandboxes' code) lives under `tmp`
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, bytesUnder(tmp))), 250);
    let stdout = '';
    let stderr = '';
    const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), color: false, env: {}, cwd: PACKAGE_ROOT };
    let code: number;
    try {
      code = await main(['bulk', classDir, '--out', out, '--workers', '1'], io);
    } finally {
      clearInterval(sampler);
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    expect(code, stderr).toBe(0);

    for (const id of Object.keys(HONEST)) {
      const doc = await readDoc(id);
      expect(doc.outcome.kind, id).toBe('graded');
      expect(
        doc.score.earned,
        `${id}: ${doc.tests
          .filter((t) => t.status !== 'passed')
          .map((t) => `${t.id} ${t.status}`)
          .join('; ')}`,
      ).toBe(doc.score.possible);
    }
    // the trace writer's code is right: refusing its tracing costs it nothing
    const tracer = await readDoc(TRACER);
    expect(tracer.score.earned).toBe(tracer.score.possible);

    for (const id of Object.keys(ATTACKERS)) {
      const doc = await readDoc(id);
      // graded on what it did, within its own deadline: not stopped by the clock, not an error of the grader
      expect(doc.outcome.kind, id).toBe('graded');
      expect(doc.timings.totalMs, id).toBeLessThan(DEFAULTS.submissionDeadlineMs);
      const html = await fs.readFile(path.join(out, id, 'report.html'), 'utf8');
      expect(html.length, id).toBeGreaterThan(1_000);
    }
    // no escape sequence reached the gradebook or the run's own output
    const gradebook = await fs.readFile(path.join(out, 'gradebook.csv'), 'utf8');
    // eslint-disable-next-line no-control-regex -- looks for ESC ] (OSC), ESC M and BEL, which e-control-sequences prints in its messages
    for (const text of [gradebook, stdout, stderr]) expect(text).not.toMatch(/\u001b[\]M]|\u0007/);

    expect(peak, `peak of the run's temporary files: ${peak} bytes`).toBeLessThan(50 * 1024 * 1024);
    expect(await fs.readdir(tmp), 'temporary folders left behind').toEqual([]);
  });
});
