// What a hidden bundle's engine.mjs exports. The CLI imports it at run time
// (never at build time), so only these types are shared.
import type { Manifest } from '../../manifest/types.ts';
import type { ResultsDocument } from '../../results/types.ts';

/** Bumped when the exports below change incompatibly. */
export const ENGINE_API_VERSION = 1;

/** One started engine: the hidden suite loaded once, submissions graded in turn. */
export interface EngineSession {
  /** the assignment manifest packed with the hidden suite */
  manifest: Manifest;
  /** grades one submission folder; never throws for problems of the submission or of grading */
  grade(submissionDir: string): Promise<ResultsDocument>;
  close(): Promise<void>;
}

export interface EngineModule {
  ENGINE_API: number;
  openEngine(): Promise<EngineSession>;
  /** the exported function a hidden check exercises, for annotations */
  functionOfCheck(id: string): string | null;
}
