// Every default of relu-lab, in one place. The CLI and the manifest read them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or installed package) root. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const DEFAULTS = {
  /** the assignment graded when none is given: the ReLU course's public face */
  assignmentPath: path.join(PACKAGE_ROOT, 'grader/course/assignment.ts'),
  /** the ReLU course's manifest, graded against when neither a manifest nor an assignment is given */
  manifestPath: path.join(PACKAGE_ROOT, 'grader/assignment.json'),
  /** the submission graded when none is given */
  submissionDir: 'exercises',
  /** reports go to <reportsDir>/<submission-name>/ */
  reportsDir: 'reports',
  /** fast-check seed and runs when the manifest gives none */
  seed: 20261126,
  numRuns: 100,
  /**
   * the fast-check runs the fixture corpus was validated at (relu-lab
   * validate catches every planted mistake with this many); a manifest that
   * asks for fewer may let some through, and validate warns
   */
  validatedNumRuns: 100,
  /** a single call into student code */
  callTimeoutMs: 2_000,
  /**
   * all the calls of one call group (a property's calls of one function,
   * sent to the sandbox at once), however the sandbox reports its progress;
   * an honest call group takes well under a second
   */
  groupTimeoutMs: 10_000,
  /** the whole grading of one submission */
  submissionDeadlineMs: 120_000,
  /** heap of the process that runs student code */
  sandboxMemoryMb: 128,
} as const;
