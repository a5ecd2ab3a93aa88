// What the report reads of an assignment's public face: the exports of each
// module (to replay a failing call), where its student guide is (to link
// hints), and its report hooks (its own pictures and insights). Declared here,
// where they are read, so the report depends on no assignment: the Assignment
// interface (grader/assignment/Assignment.ts) is built from these types, and
// any Assignment is a ReportAssignment.
import type { TestResult } from '../results/types.ts';
import type { ExperimentView, FigureView, InsightView } from './ReportView.ts';

/** One export a module must have, with its parameters, so a failing call can be replayed. */
export type ContractExport = { kind: 'function'; name: string; params: string[]; required: number } | { kind: 'value'; name: string };

/**
 * What the report may add for an assignment, drawn from a results document's
 * own data. `plots` comes from a JSON file anyone can edit: a hook checks its
 * shape before use and returns nothing for data it does not recognise.
 */
export interface ReportHooks {
  /** pictures from `results.plots` (what the hidden face's `plots` collected); called only when there are plots */
  figures?(plots: unknown): FigureView[];
  /** sentences tied to this student's own data, for the tests this audience may see */
  insights?(input: { plots: unknown; shownTests: TestResult[] }): InsightView[];
  /** the experiments in `results.plots` (evidence for the assignment's questions, from the student's own functions), laid out; called only when there are plots */
  experiments?(plots: unknown): ExperimentView[];
}

export interface ReportAssignment {
  /** the modules of a submission: a task's module has the task's id */
  modules: readonly { name: string; exports: readonly ContractExport[] }[];
  /** the starter files' folder (absolute); its parent is the project root that reports/<name>/ and hints are relative to */
  exercisesDir: string;
  /** the student guide hints link into (absolute), if there is one */
  guidePath?: string;
  /** where reports link the guide, relative from the report's folder (default: from reports/<name>/ to the guide in the project) */
  guideHref?: string;
  report?: ReportHooks;
}
