// The assignment as the reports of a bulk output folder see it: its student
// guide linked where the run copied it (guide/writeGuide.ts), not in the project.

export function withGuideHref<A extends object>(assignment: A, guideHref: string | null | undefined): A {
  return guideHref ? { ...assignment, guideHref } : assignment;
}
