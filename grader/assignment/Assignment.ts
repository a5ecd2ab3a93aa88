// What the engine knows of an assignment: an interface, handed to it by the
// caller (the CLI picks the ReLU course unless `--assignment DIR` names
// another). The engine, the sandbox, the results and the report import no
// assignment of their own; everything course-specific arrives through here.
//
// An assignment has two faces. The public face (this object) is what a
// student's copy of relu-lab may carry: its modules, the exports each must
// have, its lessons, how its report draws pictures and says what it noticed.
// The hidden face (`hiddenEntry`) holds the checks and the reference; only the
// grading process and the hidden bundle load it.
import type { ContractExport, ReportHooks } from '../report/ReportAssignment.ts';
import type { PlotSource } from '../harness/PlotSource.ts';
import type { ReplyContracts } from '../harness/replyContracts.ts';
import type { Check } from './check.ts';

// The report reads these of an assignment and declares them (report/ReportAssignment.ts),
// so it depends on no assignment; they are part of the interface an assignment implements.
export type { ContractExport, ReportHooks };

/** One file of a submission, `<name>.ts` in the submission folder, and its share of the points (a manifest task of the same id). */
export interface ModuleSpec {
  name: string;
  /** what the student builds in it, in a few words */
  title: string;
  /** its exports, in the order the guide introduces them */
  exports: readonly ContractExport[];
}

/** The public face of an assignment. */
export interface Assignment {
  /** short, stable, lower-case: `relu-lab`, `double` */
  id: string;
  title: string;
  /** the modules of a submission, in the order a student works through them */
  modules: readonly ModuleSpec[];
  /** the manifest graded against when none is given (absolute) */
  manifestPath: string;
  /** the reference: the same module files, each correct (absolute) */
  solutionsDir: string;
  /** the starter files a student edits (absolute) */
  exercisesDir: string;
  /** the planted-mistake corpus `relu-lab validate` grades, if the assignment has one (absolute) */
  fixturesDir?: string;
  /** the student guide that hints link into (absolute), if there is one */
  guidePath?: string;
  /** absolute path of the module whose `hidden` export is this assignment's HiddenFace */
  hiddenEntry: string;
  report?: ReportHooks;
  /**
   * Evidence for the assignment's questions, computed with the student's own
   * functions (called through `source`, in a sandbox) on fixed data: what a
   * results document carries as `plots.experiments` and `report.experiments`
   * lays out. It uses no reference value, so a student's copy may run it too.
   */
  experiments?(source: Pick<PlotSource, 'call'>): Promise<unknown[]>;
}

/** The hidden face: loaded by the grading process (for the catalog) and its Vitest worker (to run the checks). */
export interface HiddenFace {
  /** every check, in the order they run and are listed */
  checks: readonly Check[];
  /** after the checks, data for the report's pictures (plain JSON), from the student's own functions */
  plots?(source: PlotSource): Promise<unknown>;
  /** what each student function may return, checked before anything uses a reply; absent, only the sandbox's bounds apply */
  replyContracts?: ReplyContracts;
}
