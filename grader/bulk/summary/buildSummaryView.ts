// The class summary's view from what ClassSummary gathered.
import { formatUtc } from '../../core/formatTime.ts';
import { formatNumber } from '../../core/formatValue.ts';
import { sanitiseText } from '../../core/sanitiseText.ts';
import { lateColumn } from '../gradebook/gradebookRow.ts';
import { barChart, histogram, type HistogramBin } from './charts.ts';
import type { ClassSummary } from './ClassSummary.ts';
import type { SummaryView } from './SummaryView.ts';

/** Tests shown in "most failed", and answers shown per test. */
const TOP_TESTS = 10;
const TOP_ANSWERS = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function buildSummaryView(summary: ClassSummary, now: Date): SummaryView {
  const { rows, manifest } = summary;
  const graded = rows.filter((r) => r.status === 'graded' || r.status === 'deadline');
  const percents = graded.map((r) => (r.max > 0 ? (100 * r.score) / r.max : 0)).sort((a, b) => a - b);

  const bins: HistogramBin[] = Array.from({ length: 10 }, (_, i) => ({ label: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`, count: 0 }));
  for (const p of percents) bins[Math.min(9, Math.floor(p / 10))].count += 1;

  const tasks = [...summary.tasks.values()].filter((t) => t.graded > 0).sort((a, b) => b.lost - a.lost || a.id.localeCompare(b.id));
  const tests = [...summary.tests.values()].sort((a, b) => b.failed - a.failed || a.id.localeCompare(b.id)).slice(0, TOP_TESTS);

  return {
    title: `Class summary: ${manifest.title}`,
    assignment: manifest.title,
    generatedAt: formatUtc(now),
    counts: {
      students: rows.length,
      graded: graded.length,
      errored: summary.errored.length,
      notGraded: summary.notGraded.length,
      late: rows.filter((r) => r.late.kind === 'late').length,
      dirty: rows.filter((r) => r.dirty === true).length,
    },
    stats: percents.length
      ? {
          mean: `${formatNumber(Math.round((10 * percents.reduce((s, p) => s + p, 0)) / percents.length) / 10)} %`,
          median: `${formatNumber(Math.round(10 * median(percents)) / 10)} %`,
          full: percents.filter((p) => p >= 100 - 1e-9).length,
          zero: percents.filter((p) => p <= 1e-9).length,
        }
      : null,
    histogram: histogram('Scores', `How many students scored in each band of ten percent; ${graded.length} graded`, bins),
    tasksChart: tasks.some((t) => t.lost > 0)
      ? barChart(
          'Points lost per task',
          'Tasks ranked by the points the class lost in them, on average per graded student',
          tasks.map((t) => ({
            label: t.title,
            value: t.lost / t.graded,
            valueText: `${formatNumber(Math.round((100 * t.lost) / t.graded) / 100)} of ${t.possible}`,
          })),
        )
      : null,
    tasks: tasks.map((t) => ({
      title: t.title,
      lostText: formatNumber(Math.round(t.lost * 100) / 100),
      averageText: `${formatNumber(Math.round((100 * t.lost) / t.graded) / 100)} of ${t.possible}`,
      losingText: `${t.studentsLosing} of ${t.graded}`,
    })),
    testsChart: tests.length
      ? barChart(
          'Most failed tests',
          'The tests the most students did not pass',
          tests.map((t) => ({ label: t.name, value: t.failed, valueText: plural(t.failed, 'student') })),
          '#a16207',
        )
      : null,
    rootCauses: [...summary.rootCauses.values()]
      .sort((a, b) => b.students - a.students || a.upstream.localeCompare(b.upstream))
      .map((r) => ({
        upstream: r.upstream,
        studentsText: plural(r.students, 'student'),
        keptText: [...r.kept]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([fn, n]) => `${fn} (${n})`)
          .join(', '),
      })),
    tests: tests.map((t) => {
      const answers = [...t.answers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const shown = answers.slice(0, TOP_ANSWERS).map(([text, count]) => ({ text, count }));
      const rest = answers.slice(TOP_ANSWERS).reduce((s, [, c]) => s + c, 0) + t.otherAnswers;
      return { name: t.name, task: t.task, failedText: plural(t.failed, 'student'), answers: shown, otherText: rest > 0 ? `and ${rest} other answers` : null };
    }),
    errored: summary.errored,
    notGraded: summary.notGraded,
    notOnRoster: summary.notOnRoster.map((u) => ({
      ...u,
      entry: sanitiseText(u.entry, { singleLine: true }),
      lookedUpBy: sanitiseText(u.lookedUpBy, { singleLine: true }),
    })),
    rows: rows.map((r) => ({
      student: r.student,
      scoreText: r.status === 'graded' || r.status === 'deadline' ? `${formatNumber(r.score)} / ${formatNumber(r.max)}` : '—',
      status: r.status,
      lateText: lateColumn(r),
      dirty: r.dirty === true,
      commitText: r.commit ? r.commit.slice(0, 7) : '',
      reportPath: r.reportPath,
    })),
  };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
