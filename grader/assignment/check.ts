// A check is declared once, beside its body: its id, task, weight, the
// student functions it calls, its visibility and its hint live in the same
// call as the code that decides it. Declaring runs nothing: the grading
// process reads the declarations to know every check before a run starts (a
// check that never reports is `not-run` and earns nothing), and the Vitest
// worker runs the bodies.
import type { StudentCode } from '../harness/StudentCode.ts';
import type { Visibility } from '../results/types.ts';

export interface CheckDeclaration {
  /** stable, `<task>.<kebab-name>`; also the Vitest test's name */
  id: string;
  /** the manifest task (the module) whose points it shares */
  task: string;
  /** what is checked, in one sentence a student can read */
  name: string;
  /** its share of the task's points: task points x weight / (sum of the task's weights), in hundredths that add up to the task's points (checkPoints.ts) */
  weight: number;
  /** the student's exports it calls, the one to look at first first (annotations point at it) */
  calls: readonly string[];
  /** when absent, the manifest's default visibility applies */
  visibility?: Visibility;
  /** what to look at when it fails; may link to the student guide. Names the idea, not the formula. */
  hint: string;
  /**
   * the formula or rule the check holds the student's code to, for a second
   * hint the report keeps collapsed ("Show the formula") under the first; may
   * link to the student guide
   */
  formula?: string;
  /**
   * true for a check about the whole pipeline (the student's functions
   * agreeing with each other), which a mistake upstream may cost too: every
   * other check judges dependent work on the student's own upstream results
   * (error carried forward, harness/carried.ts). Keep their weight small.
   */
  pipeline?: true;
}

export interface Check extends CheckDeclaration {
  /** decides the check; throws a GradingFailure (or any error) to fail it */
  run(student: StudentCode): Promise<void>;
}

/** Declares one check: its facts, then its body. */
export function check(declaration: CheckDeclaration, run: (student: StudentCode) => Promise<void>): Check {
  return { ...declaration, run };
}

/** A declaration without its body: what results, reports and the catalog carry. */
export function declarationOf(c: CheckDeclaration): CheckDeclaration {
  const { id, task, name, weight, calls, visibility, hint, formula, pipeline } = c;
  return {
    id,
    task,
    name,
    weight,
    calls,
    ...(visibility === undefined ? {} : { visibility }),
    hint,
    ...(formula === undefined ? {} : { formula }),
    ...(pipeline === true ? { pipeline } : {}),
  };
}
