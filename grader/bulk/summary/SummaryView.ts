// What templates/summary.html.hbs prints: text and markup ready to show.
import type { SvgMarkup } from '../../report/svg/SvgMarkup.ts';

export interface SummaryProblem {
  student: string;
  status: string;
  message: string;
  /** relative link to the student's report, when one was written */
  reportPath: string | null;
}

export interface SummaryView {
  title: string;
  assignment: string;
  generatedAt: string;
  counts: { students: number; graded: number; errored: number; notGraded: number; late: number; dirty: number };
  /** null when nobody was graded */
  stats: { mean: string; median: string; full: number; zero: number } | null;
  histogram: SvgMarkup;
  tasksChart: SvgMarkup | null;
  tasks: { title: string; lostText: string; averageText: string; losingText: string }[];
  testsChart: SvgMarkup | null;
  /** mistakes counted once (error carried forward): one line per wrong upstream function */
  rootCauses: { upstream: string; studentsText: string; keptText: string }[];
  tests: { name: string; task: string; failedText: string; answers: { text: string; count: number }[]; otherText: string | null }[];
  errored: SummaryProblem[];
  notGraded: SummaryProblem[];
  /** entries no roster row matched, graded under their platform's id (sanitised text) */
  notOnRoster: { student: string; entry: string; lookedUpBy: string; reportPath: string | null }[];
  rows: {
    student: string;
    scoreText: string;
    status: string;
    lateText: string;
    /** uncommitted changes were graded with the commit */
    dirty: boolean;
    /** the commit graded, short; empty for folders and zips */
    commitText: string;
    reportPath: string | null;
  }[];
}
