// What a hidden bundle's engine.mjs exports. The CLI imports it at run time
// (never at build time), so only these types are shared.
import type { Manifest } from '../manifest/types.ts';
import type { ResultsDocument } from '../results/types.ts';

/** Bumped when the exports below change incompatibly. */
export const ENGINE_API_VERSION = 2;

/** One started engine: the hidden face loaded once, submissions graded in turn. */
export interface EngineSession {
  /** the assignment manifest packed with the hidden face */
  manifest: Manifest;
  /** grades one submission folder; never throws for problems of the submission or of grading */
  grade(submissionDir: string): Promise<ResultsDocument>;
  /** the student export a hidden check calls first (its `calls[0]`), for annotations; null for an unknown check */
  functionOfCheck(id: string): string | null;
  close(): Promise<void>;
}

export interface EngineModule {
  ENGINE_API: number;
  /** opens the engine on the packed assignment whose public face is the module `assignmentModule` (absolute, inside the bundle) */
  openEngine(assignmentModule: string): Promise<EngineSession>;
}
