// The experiments run with a submission's own functions in the sandbox: on
// the reference every one runs; a planted mistake shows in the evidence of
// the question it bears on; the stubs say which function to implement first.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { compileSubmission } from '../../sandbox/compileSubmission.ts';
import { Sandbox } from '../../sandbox/Sandbox.ts';
import { materialiseFixture } from '../../corpus/fixtureCorpus.ts';
import { assignment } from '../assignment.ts';
import { byName, useWorkDir } from '../testing/corpusIndex.ts';
import { writeReference } from '../testing/corpusProbes.ts';
import { experimentsData, type Experiment, type ExperimentId, type ExperimentTable } from './ExperimentsData.ts';
import { runExperiments } from './runExperiments.ts';

const workDir = useWorkDir();

/** The experiments run on the submission in `dir`, in a sandbox of its own. */
async function experimentsOf(dir: string, name: string): Promise<Experiment[]> {
  const codeDir = path.join(workDir(), 'code', name);
  const compiled = await compileSubmission(
    dir,
    codeDir,
    assignment.modules.map((m) => m.name),
  );
  expect(compiled.diagnostics).toEqual([]);
  const sandbox = await Sandbox.open({ codeDir, callTimeoutMs: 5_000, memoryMb: 256 });
  try {
    return await runExperiments(sandbox);
  } finally {
    await sandbox.close();
  }
}

const fixture = async (name: string) => experimentsOf(await materialiseFixture(byName.get(name)!, path.join(workDir(), 'fixtures', name)), name);

function tableOf(experiments: Experiment[], id: ExperimentId): ExperimentTable {
  const outcome = experiments.find((e) => e.id === id)!.outcome;
  if (outcome.kind !== 'ran') throw new Error(`${id} did not run: ${outcome.message}`);
  return outcome.table;
}

/** The cell of `column` in the row whose first cell is `row`. */
function cell(table: ExperimentTable, row: string | number, column: string): unknown {
  const r = table.rows.find((cells) => cells[0] === row);
  expect(r, `row ${row}`).toBeDefined();
  return r![table.columns.indexOf(column)];
}

let reference: Experiment[];
beforeAll(async () => {
  reference = await experimentsOf(await writeReference(workDir(), 'reference-'), 'reference');
}, 60_000);

describe('on the reference', () => {
  it('runs all five experiments, in the order of the questions, as data the report accepts', () => {
    expect(reference.map((e) => [e.id, e.outcome.kind])).toEqual([
      ['reluIsLinear', 'ran'],
      ['reluGradAtZero', 'ran'],
      ['deadMeans', 'ran'],
      ['trainingFavoursLinear', 'ran'],
      ['leakyReluCanDie', 'ran'],
    ]);
    expect(experimentsData(JSON.parse(JSON.stringify({ experiments: reference })))).toEqual(reference);
  });

  it('shows relu breaking additivity where a and b have opposite signs, and its graph', () => {
    const t = tableOf(reference, 'reluIsLinear');
    expect(t.rows.map((r) => [r[1], r[2]])).toEqual([
      [3, 3],
      [0, 1],
      [0, 2],
      [0, 0],
      [3, 3],
      [0, -2],
    ]);
    expect(t.curve?.find(([z]) => z === 0)).toEqual([0, 0]);
  });

  it('shows reluGrad at 0 and the gradient backward gives a unit at z1 = 0', () => {
    const t = tableOf(reference, 'reluGradAtZero');
    expect(t.rows.map((r) => r[1])).toEqual([0, 0, 1, 0, -0.5]);
  });

  it('shows per unit: output zero on some samples is not the same as no gradient on any', () => {
    const t = tableOf(reference, 'deadMeans');
    expect(t.rows.map((r) => r.slice(3))).toEqual([
      ['2 of 4 samples', '2 of 4 samples', false],
      ['2 of 4 samples', '2 of 4 samples', false],
      ['4 of 4 samples', '0 of 4 samples', true],
    ]);
  });

  it('trains the same network down to a small loss on both data sets, the bent one keeping its bend', () => {
    const t = tableOf(reference, 'trainingFavoursLinear');
    for (const row of t.rows) {
      expect(row[2] as number).toBeLessThan((row[1] as number) / 10);
    }
    const [line, bent] = t.rows;
    expect(Math.abs((line[5] as number) - (line[6] as number))).toBeLessThan(0.25);
    expect(bent[5] as number).toBeLessThan(-0.9);
    expect(bent[6] as number).toBeGreaterThan(0.9);
  });

  it('leaves the dead ReLU unit where it was, while the Leaky unit moves and switches on', () => {
    const t = tableOf(reference, 'leakyReluCanDie');
    const [relu, leaky] = t.rows;
    expect(relu[3]).toEqual(relu[2]);
    expect(relu[4]).toBe('0 of 5 samples');
    expect(relu[5]).toEqual([0]);
    expect(leaky[3]).not.toEqual(leaky[2]);
    expect(leaky[4]).not.toBe('0 of 5 samples');
    expect([leaky[1], leaky[5]]).toEqual([[], []]);
  });
});

describe('on planted mistakes', () => {
  it('fails-relu-grad-at-zero: reluGrad(0) and the gradient at z1 = 0 differ from the reference, the other evidence does not', async () => {
    const mistaken = await fixture('fails-relu-grad-at-zero');
    expect(cell(tableOf(mistaken, 'reluGradAtZero'), 'reluGrad(0)', 'gives')).toBe(1);
    expect(cell(tableOf(reference, 'reluGradAtZero'), 'reluGrad(0)', 'gives')).toBe(0);
    expect(tableOf(mistaken, 'reluGradAtZero')).not.toEqual(tableOf(reference, 'reluGradAtZero'));
    expect(tableOf(mistaken, 'reluIsLinear')).toEqual(tableOf(reference, 'reluIsLinear'));
  }, 60_000);

  it('fails-leaky-units-reported-dead: the Leaky unit is listed dead although it moved', async () => {
    const mistaken = await fixture('fails-leaky-units-reported-dead');
    const leaky = tableOf(mistaken, 'leakyReluCanDie').rows[1];
    expect(leaky[1]).toEqual([0]);
    expect(leaky[3]).toEqual(tableOf(reference, 'leakyReluCanDie').rows[1][3]);
  }, 60_000);

  it('fails-dead-any-not-all: deadNeurons lists units with gradients on half the samples', async () => {
    const rows = tableOf(await fixture('fails-dead-any-not-all'), 'deadMeans').rows;
    expect(rows.map((r) => r[5])).not.toEqual(tableOf(reference, 'deadMeans').rows.map((r) => r[5]));
  }, 60_000);
});

describe('on the stubs', () => {
  let stubs: Experiment[];
  beforeAll(async () => {
    stubs = await experimentsOf(assignment.exercisesDir, 'stubs');
  }, 60_000);

  it('says which function to implement first, for every experiment', () => {
    expect(stubs.map((e) => e.outcome)).toEqual([
      { kind: 'blocked', needs: 'relu', message: 'implement relu first (exercises/activations.ts): it still throws "not implemented"' },
      { kind: 'blocked', needs: 'reluGrad', message: expect.stringMatching(/^implement reluGrad first/) },
      { kind: 'blocked', needs: 'forward', message: expect.stringMatching(/^implement forward first/) },
      { kind: 'blocked', needs: 'kinks', message: expect.stringMatching(/^implement kinks first/) },
      { kind: 'blocked', needs: 'deadNeurons', message: expect.stringMatching(/^implement deadNeurons first/) },
    ]);
  });
});

describe('the visible test exercises/experiments.test.ts', () => {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const read = (file: string) => readFile(path.join(PACKAGE_ROOT, file), 'utf8');

  it('prints the same tables: every column of every experiment', async () => {
    const visible = await read('exercises/experiments.test.ts');
    for (const e of reference) {
      for (const column of tableOf(reference, e.id).columns) expect(visible, `${e.id}: ${column}`).toContain(column);
    }
  });

  it('uses the same networks and training options as the experiments here', async () => {
    const visible = squash(await read('exercises/experiments.test.ts'));
    const files = ['gradAtZero.ts', 'deadMeaning.ts', 'trainingFollowsData.ts', 'leakyKeepsLearning.ts'];
    for (const file of files) {
      const source = await read(`grader/course/experiments/${file}`);
      const literals = [...source.matchAll(/^const (?:NET|START|WEIGHTS|OPTIONS)(?:: Network)? = \{(.*)\};$/gm)].map((m) => squash(m[1]));
      expect(literals.length, file).toBeGreaterThan(0);
      for (const literal of literals) expect(visible, `${file}: ${literal}`).toContain(literal);
    }
  });
});
