// relu-lab's own proof that its grades mean something: the reference must
// score 100 %, the untouched stubs 0, every planted mistake must lose points
// in its own task, misbehaving submissions must end with a clear status, and
// submissions whose code does no work (constants, empty answers, throwing,
// lookup tables of the printed examples) must earn at most a few per cent.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Assignment } from '../assignment/Assignment.ts';
import { loadHiddenFace } from '../assignment/loadAssignment.ts';
import { catalogOf } from '../engine/catalog.ts';
import { Grader } from '../engine/Grader.ts';
import type { Manifest } from '../manifest/types.ts';
import type { ResultsDocument } from '../results/types.ts';
import { loadFixtureCorpus, materialiseFixture, type Expectation, type Fixture } from '../corpus/fixtureCorpus.ts';
import { judgeFixture, type Verdict } from './judgeFixture.ts';
import { manifestWarnings } from './manifestWarnings.ts';

export interface ValidationRow {
  name: string;
  expect: Expectation;
  verdict: Verdict;
  ms: number;
}

export interface ValidationReport {
  rows: ValidationRow[];
  /** what in the manifest lowers what the corpus can catch (manifestWarnings), each also given to onWarning */
  warnings: string[];
  failed: number;
  totalMs: number;
}

export interface ValidateOptions {
  /** fixtures made rather than found in the fixtures folder (the ReLU course's vacuity corpus) */
  more?: readonly Fixture[];
  onRow?: (row: ValidationRow) => void;
  /** grade only the fixtures (the reference among them) this keeps; all when absent */
  keep?: (fixture: Fixture) => boolean;
  /** hears each warning about the manifest before grading starts (default: a line on stderr) */
  onWarning?: (line: string) => void;
}

/** Grades the reference, and every fixture of the assignment's corpus and of `more`; `onRow` hears each as it is judged. */
export async function validateCorpus(manifest: Manifest, assignment: Assignment, opts: ValidateOptions = {}): Promise<ValidationReport> {
  const started = performance.now();
  const warnings = manifestWarnings(manifest, catalogOf(await loadHiddenFace(assignment.hiddenEntry), manifest));
  for (const line of warnings) (opts.onWarning ?? ((l: string) => void process.stderr.write(`${l}\n`)))(line);
  const corpus = await loadFixtureCorpus(assignment);
  // the reference itself, as a submission: the solutions with no edit
  const reference: Fixture = {
    name: 'reference',
    dir: '',
    description: 'the reference solutions',
    expect: { kind: 'full' },
    source: 'edits',
    edits: [],
    files: [],
    assignment,
  };
  const fixtures = [reference, ...corpus, ...(opts.more ?? [])].filter((f) => opts.keep?.(f) ?? true);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-validate-'));
  const grader = await Grader.create(manifest, assignment);
  const rows: ValidationRow[] = [];
  try {
    const dirs = new Map<string, (typeof fixtures)[number]>();
    for (const fixture of fixtures) dirs.set(await materialiseFixture(fixture, path.join(work, fixture.name)), fixture);
    await grader.gradeBatch(
      [...dirs.keys()],
      async (dir, doc: ResultsDocument) => {
        const fixture = dirs.get(dir)!;
        const row = { name: fixture.name, expect: fixture.expect, verdict: judgeFixture(fixture.expect, doc), ms: doc.timings.totalMs };
        rows.push(row);
        opts.onRow?.(row);
      },
      { plots: false },
    );
  } finally {
    await grader.close();
    await fs.rm(work, { recursive: true, force: true });
  }
  return { rows, warnings, failed: rows.filter((r) => !r.verdict.ok).length, totalMs: Math.round(performance.now() - started) };
}
