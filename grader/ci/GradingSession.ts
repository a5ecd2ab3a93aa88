// What CI grades with: the visible tests of the repository (visible mode) or
// a hidden bundle's engine (hidden mode). Either way a session grades
// submission folders into results documents and says which exported
// function each test exercises.
import type { Manifest } from '../manifest/types.ts';
import type { ResultsDocument, TestResult } from '../results/types.ts';
import type { HiddenBundleInfo } from '../hiddenBundle/bundleFormat.ts';

export type GradingMode = { kind: 'visible' } | { kind: 'hidden'; bundle: HiddenBundleInfo };

export interface GradingSession {
  mode: GradingMode;
  manifest: Manifest;
  /** grades one submission folder; never throws for problems of the submission */
  grade(submissionDir: string): Promise<ResultsDocument>;
  /** the exported name `test` exercises, when the mode knows it */
  functionOf(test: TestResult): string | null;
  close(): Promise<void>;
}

/** A short, stable name of the mode, used in cache keys and step outputs. */
export function modeKey(mode: GradingMode): string {
  return mode.kind === 'visible' ? 'visible' : `hidden-${mode.bundle.hash.slice(0, 12)}`;
}
