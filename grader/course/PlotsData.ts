// What the ReLU course's hidden face collects for its report (collectPlots)
// and its report hooks draw (report/figures.ts, report/insights.ts). A results
// document carries it as `plots`, plain JSON the results schema only knows to
// be an object: `plotsData` checks the shape before the hooks rely on it, so
// a results.json edited by hand gives a report without pictures, not a crash.

/** A curve as [x, y] points. */
export type Curve = [number, number][];

/**
 * One of the student's one-input example networks over [-4, 4]. Each is the
 * student's free choice, judged by its properties, so no reference network is
 * collected or drawn beside it (`reference` and `referenceKinks` are read
 * from older documents only, and ignored).
 */
export interface ExamplePlot {
  id: 'linearExample' | 'nonlinearExample';
  title: string;
  /** null when the student's function failed; `error` then says why */
  student: Curve | null;
  reference?: Curve;
  studentKinks: number[] | null;
  referenceKinks?: number[];
  /** hidden-unit pre-activations of the student's network at the sample points, units x samples */
  studentZ1?: { xs: number[]; z1: number[][] } | null;
  error?: string;
}

/** An activation and its derivative as the student computes them, with the value at 0. */
export interface ActivationPlot {
  name: 'relu' | 'reluGrad' | 'leakyRelu' | 'leakyReluGrad';
  student: Curve | null;
  reference: Curve;
  studentAtZero: number | null;
  referenceAtZero: number;
  error?: string;
}

/** Loss per epoch of the student's `train` and the reference's on the same problem. */
export interface TrainingPlot {
  student: number[] | null;
  reference: number[];
  /** the network, data and options both were trained with, in words (older documents lack it) */
  setup?: string;
  error?: string;
}

/** Which units are on for which sample (samples x units) on a fixed network and data set. */
export interface DeadMapPlot {
  xs: number[];
  pattern: boolean[][] | null;
  referencePattern: boolean[][];
  /** as the student's deadNeurons returned them (may be wrong, so not checked to be indices) */
  studentDead: number[] | null;
  referenceDead: number[];
  /** the network and inputs the map is computed on, in words (older documents lack it) */
  setup?: string;
  error?: string;
}

/** Data for the report's pictures, computed from the student's own functions in the sandbox. */
export interface PlotsData {
  examples: ExamplePlot[];
  activations: ActivationPlot[];
  training: TrainingPlot | null;
  deadMap: DeadMapPlot | null;
}

/**
 * `plots` as PlotsData when it has that shape, else null. Numbers may be null
 * where JSON could not carry them (NaN, Infinity): the figures and insights
 * test each number before use, as they always have.
 */
export function plotsData(plots: unknown): PlotsData | null {
  if (!isRecord(plots)) return null;
  const { examples, activations, training, deadMap } = plots;
  if (!Array.isArray(examples) || !examples.every(isExamplePlot)) return null;
  if (!Array.isArray(activations) || !activations.every(isActivationPlot)) return null;
  if (training !== null && !isTrainingPlot(training)) return null;
  if (deadMap !== null && !isDeadMapPlot(deadMap)) return null;
  return plots as unknown as PlotsData;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number, or null where JSON had no number to write. */
const isPlotNumber = (v: unknown): boolean => v === null || typeof v === 'number';
const isNumbers = (v: unknown): boolean => Array.isArray(v) && v.every(isPlotNumber);
const isCurve = (v: unknown): boolean => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && isPlotNumber(p[0]) && isPlotNumber(p[1]));
const isBooleanGrid = (v: unknown): boolean => Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every((b) => typeof b === 'boolean'));
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const orNull =
  (check: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    v === null || check(v);

function isExamplePlot(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const z = v.studentZ1;
  const zOk = z === undefined || z === null || (isRecord(z) && isNumbers(z.xs) && Array.isArray(z.z1) && z.z1.every(isNumbers));
  return (
    (v.id === 'linearExample' || v.id === 'nonlinearExample') &&
    typeof v.title === 'string' &&
    orNull(isCurve)(v.student) &&
    (v.reference === undefined || isCurve(v.reference)) &&
    orNull(isNumbers)(v.studentKinks) &&
    (v.referenceKinks === undefined || isNumbers(v.referenceKinks)) &&
    zOk &&
    isOptionalString(v.error)
  );
}

const ACTIVATIONS: readonly unknown[] = ['relu', 'reluGrad', 'leakyRelu', 'leakyReluGrad'];

function isActivationPlot(v: unknown): boolean {
  return (
    isRecord(v) &&
    ACTIVATIONS.includes(v.name) &&
    orNull(isCurve)(v.student) &&
    isCurve(v.reference) &&
    isPlotNumber(v.studentAtZero) &&
    typeof v.referenceAtZero === 'number' &&
    isOptionalString(v.error)
  );
}

function isTrainingPlot(v: unknown): boolean {
  return isRecord(v) && orNull(isNumbers)(v.student) && isNumbers(v.reference) && isOptionalString(v.setup) && isOptionalString(v.error);
}

function isDeadMapPlot(v: unknown): boolean {
  return (
    isRecord(v) &&
    isNumbers(v.xs) &&
    // the student's pattern only needs to be an array here: the figure draws it only when it
    // has one row of true/false per sample, and says why not otherwise
    (v.pattern === null || Array.isArray(v.pattern)) &&
    isBooleanGrid(v.referencePattern) &&
    orNull(isNumbers)(v.studentDead) &&
    Array.isArray(v.referenceDead) &&
    v.referenceDead.every((u) => Number.isInteger(u) && (u as number) >= 0) &&
    isOptionalString(v.setup) &&
    isOptionalString(v.error)
  );
}
