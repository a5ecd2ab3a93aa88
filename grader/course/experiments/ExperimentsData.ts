// What the ReLU course's experiments record: for each of the five questions
// of `answers` (exercises/claims.ts), a small table computed with the
// student's own functions on a fixed network and data set, or which function
// has to work first. A results document carries them as `plots.experiments`
// (plain JSON, numbers as returned); `experimentsData` checks the shape
// before the report relies on it, so a results.json edited by hand gives a
// report without experiments, not a crash.

/** The question of `answers` an experiment gives evidence on. */
export type ExperimentId = 'reluIsLinear' | 'reluGradAtZero' | 'deadMeans' | 'trainingFavoursLinear' | 'leakyReluCanDie';

export const EXPERIMENT_IDS: readonly ExperimentId[] = ['reluIsLinear', 'reluGradAtZero', 'deadMeans', 'trainingFavoursLinear', 'leakyReluCanDie'];

/** One table cell: a number the student's function returned (null where JSON has none), a label, a yes/no, or a list of numbers. */
export type Cell = number | string | boolean | null | (number | null)[];

export interface ExperimentTable {
  columns: string[];
  rows: Cell[][];
  /** a curve of the student's function, where a picture says more than the table */
  curve?: [number | null, number | null][];
}

/** `ran`: the table; `blocked`: a function it needs does not work yet (`needs`), and what to do. */
export type ExperimentOutcome = { kind: 'ran'; table: ExperimentTable } | { kind: 'blocked'; needs: string; message: string };

export interface Experiment {
  id: ExperimentId;
  /** the question, as exercises/claims.ts asks it */
  question: string;
  /** the network and data it uses, and what was done with them */
  setup: string;
  /** what to compare in the table (never which answer it supports) */
  lookAt: string;
  /** the student's functions it calls */
  uses: string[];
  outcome: ExperimentOutcome;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isNumberOrNull = (v: unknown): boolean => v === null || typeof v === 'number';
const isCell = (v: unknown): boolean => isNumberOrNull(v) || typeof v === 'string' || typeof v === 'boolean' || (Array.isArray(v) && v.every(isNumberOrNull));
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isTable(v: unknown): boolean {
  if (!isRecord(v) || !isStrings(v.columns) || !Array.isArray(v.rows)) return false;
  const width = v.columns.length;
  const rowsOk = v.rows.every((row) => Array.isArray(row) && row.length === width && row.every(isCell));
  const curveOk = v.curve === undefined || (Array.isArray(v.curve) && v.curve.every((p) => Array.isArray(p) && p.length === 2 && p.every(isNumberOrNull)));
  return rowsOk && curveOk;
}

function isOutcome(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (v.kind === 'ran') return isTable(v.table);
  return v.kind === 'blocked' && typeof v.needs === 'string' && typeof v.message === 'string';
}

function isExperiment(v: unknown): v is Experiment {
  return (
    isRecord(v) &&
    (EXPERIMENT_IDS as readonly unknown[]).includes(v.id) &&
    typeof v.question === 'string' &&
    typeof v.setup === 'string' &&
    typeof v.lookAt === 'string' &&
    isStrings(v.uses) &&
    isOutcome(v.outcome)
  );
}

/** `plots.experiments` when `plots` carries experiments of this shape, else null. */
export function experimentsData(plots: unknown): Experiment[] | null {
  if (!isRecord(plots)) return null;
  const { experiments } = plots;
  return Array.isArray(experiments) && experiments.every(isExperiment) ? experiments : null;
}
