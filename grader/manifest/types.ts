// An assignment's manifest (the ReLU course's is grader/assignment.json) as
// relu-lab uses it: parsed, validated against
// grader/schemas/assignment.schema.json, defaults filled in.
import type { Visibility } from '../results/types.ts';

/** One module of the assignment and what it is worth. */
export interface ManifestTask {
  /** the module's name (its file is `<id>.ts`) */
  id: string;
  title: string;
  /** positive */
  points: number;
  /** the exercise file, relative to the repository root, e.g. `exercises/backprop.ts` */
  file: string;
}

/** What happens to work handed in after `deadline`. */
export type LatePolicy =
  | { kind: 'none' }
  /** accepted until `lateDeadline`, with `penaltyPercent` (0-100) off the score */
  | { kind: 'accept-until'; lateDeadline: string; penaltyPercent: number }
  /** `percentPerDay` off per started day late, not accepted after `maxDaysLate` days */
  | { kind: 'percent-per-day'; percentPerDay: number; maxDaysLate: number };

export interface ManifestLimits {
  /** longest a single call into student code may take */
  callTimeoutMs: number;
  /** longest one call group (a property's calls of one function, sent at once) may take in all */
  groupTimeoutMs: number;
  /** longest the grading of one submission may take */
  submissionDeadlineMs: number;
  /** heap of the process that runs student code */
  sandboxMemoryMb: number;
}

export interface FastCheckSettings {
  seed: number;
  numRuns: number;
}

export interface Manifest {
  /** absolute path of the file it was loaded from */
  path: string;
  title: string;
  version: 1;
  /** the assignment's modules, each exactly once, in the file's order */
  tasks: ManifestTask[];
  /** ISO 8601 date-time, or null for no deadline */
  deadline: string | null;
  latePolicy: LatePolicy;
  defaultVisibility: Visibility;
  /** complete: what the file leaves out comes from DEFAULTS */
  limits: ManifestLimits;
  /** complete: what the file leaves out comes from DEFAULTS */
  fastCheck: FastCheckSettings;
}

/** The limits as a manifest file gives them: any of them, and groupTimeoutMs perhaps under its old name. */
export interface ManifestFileLimits extends Partial<ManifestLimits> {
  /** the old name of groupTimeoutMs, read as it; a file gives one of the two */
  batchTimeoutMs?: number;
}

/** What grader/assignment.json holds once it passed the schema: limits and fastCheck may be partial or absent. */
export interface ManifestFile extends Omit<Manifest, 'path' | 'limits' | 'fastCheck'> {
  $schema?: string;
  limits?: ManifestFileLimits;
  fastCheck?: Partial<FastCheckSettings>;
}
