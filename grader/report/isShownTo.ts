// Who may see a test's outcome, as on Gradescope: `visible` always;
// `after_due_date` once the deadline has passed; `after_published` once
// grades are published; `hidden` never (to students). Instructors see all.
import type { TestResult } from '../results/types.ts';
import type { Audience } from './ReportView.ts';

export interface VisibilityContext {
  audience: Audience;
  now: Date;
  /** no deadline known: tests shown "after the deadline" stay withheld */
  deadline: Date | null;
  published?: boolean;
}

export function isShownTo(test: Pick<TestResult, 'visibility'>, ctx: VisibilityContext): boolean {
  if (ctx.audience === 'instructor') return true;
  switch (test.visibility) {
    case 'visible':
      return true;
    case 'hidden':
      return false;
    case 'after_due_date':
      return ctx.deadline !== null && ctx.now.getTime() > ctx.deadline.getTime();
    case 'after_published':
      return ctx.published === true;
  }
}
