// A manifest whose points do not divide evenly (7 points over weights
// 3, 2, 1, 1, 1; 31 over three equal checks; a total of 105) adds up exactly
// everywhere points are shown: results.json, every export, the gradebook's
// rows and the LMS imports. No value carries more than two decimals.
import { describe, expect, test } from 'vitest';
import { sumPoints } from '../core/points.ts';
import { assembleResults } from '../engine/assembleResults.ts';
import { catalogOf } from '../engine/catalog.ts';
import type { ReportedTest } from '../engine/HiddenRunReporter.ts';
import { canvasCsv } from '../export/canvas.ts';
import { moodleGradesCsv } from '../export/moodle.ts';
import { classroomResult } from '../export/classroom.ts';
import { gradescopeResults } from '../export/gradescope.ts';
import { prairieLearnResults } from '../export/prairielearn.ts';
import type { Manifest } from '../manifest/types.ts';
import { validateResults } from '../results/validateResults.ts';
import { gradebookRow, lmsRow } from './gradebook/gradebookRow.ts';
import { scoreAfterLate } from './late/lateInfo.ts';
import type { StudentRecord } from './types.ts';

const task = (id: string, points: number) => ({ id, title: id, points, file: `exercises/${id}.ts` });

const manifest: Manifest = {
  path: '/odd/assignment.json',
  title: 'odd points',
  version: 1,
  tasks: [task('seven', 7), task('thirds', 31), task('rest', 67)],
  deadline: null,
  latePolicy: { kind: 'none' },
  defaultVisibility: 'visible',
  limits: { callTimeoutMs: 1000, groupTimeoutMs: 1000, submissionDeadlineMs: 1000, sandboxMemoryMb: 64 },
  fastCheck: { seed: 1, numRuns: 10 },
};

const checks = [
  ...[3, 2, 1, 1, 1].map((weight, i) => ({ id: `seven.${i}`, task: 'seven', weight })),
  ...[1, 1, 1].map((weight, i) => ({ id: `thirds.${i}`, task: 'thirds', weight })),
  ...[2, 5, 7, 1].map((weight, i) => ({ id: `rest.${i}`, task: 'rest', weight })),
].map((c) => ({ ...c, name: c.id, calls: [], hint: '', run: async () => {} }));

/** At most two decimals, and no float noise. */
const hundredths = (n: number) => expect(Math.round(n * 100) / 100).toBe(n);

function graded(passing: (id: string) => boolean) {
  const catalog = catalogOf({ checks }, manifest);
  const reported = new Map<string, ReportedTest>(
    catalog.map((c) => [c.id, passing(c.id) ? { status: 'passed', durationMs: 1 } : { status: 'failed', message: 'no', durationMs: 1 }]),
  );
  return assembleResults({
    manifest,
    catalog,
    reported,
    notRunReason: null,
    identity: { path: 'sub', name: 'sub', contentHash: 'a'.repeat(64), files: [], git: null },
    graderVersion: '0.0.0',
    outcome: { kind: 'graded' },
    diagnostics: [],
    timings: { compileMs: 1, testsMs: 2, totalMs: 3 },
    gradedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

const record = (late: StudentRecord['late']): StudentRecord => ({
  recordVersion: 1,
  id: 'ann',
  entry: { name: 'ann', kind: 'folder' },
  status: 'graded',
  message: null,
  key: null,
  commit: null,
  late,
  finishedAt: '2026-01-01T00:00:00Z',
});

describe('points that do not divide evenly', () => {
  test("each check's share is in hundredths; a task's checks add up to its points, the tasks to 105", () => {
    const doc = graded(() => true);
    expect(doc.tests.filter((t) => t.task === 'seven').map((t) => t.possible)).toEqual([2.63, 1.75, 0.88, 0.87, 0.87]);
    expect(doc.tests.filter((t) => t.task === 'thirds').map((t) => t.possible)).toEqual([10.34, 10.33, 10.33]);
    for (const t of manifest.tasks) {
      const mine = doc.tests.filter((x) => x.task === t.id);
      mine.forEach((x) => hundredths(x.possible));
      expect(sumPoints(mine.map((x) => x.possible))).toBe(t.points);
      expect(doc.tasks.find((x) => x.id === t.id)).toMatchObject({ earned: t.points, possible: t.points });
    }
    expect(doc.score).toEqual({ earned: 105, possible: 105 });
    expect(sumPoints(doc.tests.map((t) => t.possible))).toBe(105);
    expect(() => validateResults(doc)).not.toThrow();
  });

  test('earned points carry no float noise, in results.json and in every export', () => {
    // every second check passes: sums of 2.63, 0.88, 10.34, 10.33, ... in floats would not be exact
    const doc = graded((id) => Number(id.split('.')[1]) % 2 === 0);
    const earned = doc.tests.map((t) => t.earned);
    earned.forEach(hundredths);
    doc.tasks.forEach((t) => hundredths(t.earned));
    hundredths(doc.score.earned);
    expect(doc.score.earned).toBe(sumPoints(earned));
    expect(doc.score.earned).toBe(sumPoints(doc.tasks.map((t) => t.earned)));
    expect(doc.score.possible).toBe(105);

    const gradescope = gradescopeResults(doc);
    expect(gradescope.score).toBe(doc.score.earned);
    expect(sumPoints(gradescope.tests.map((t) => t.score ?? 0))).toBe(doc.score.earned);
    expect(sumPoints(gradescope.tests.map((t) => t.max_score ?? 0))).toBe(105);
    gradescope.tests.forEach((t) => [t.score ?? 0, t.max_score ?? 0].forEach(hundredths));

    const prairie = prairieLearnResults(doc);
    expect(sumPoints((prairie.tests ?? []).map((t) => t.points ?? 0))).toBe(doc.score.earned);
    expect(sumPoints((prairie.tests ?? []).map((t) => t.max_points ?? 0))).toBe(105);
    expect(prairie.score).toBe(doc.score.earned / 105);

    const classroom = classroomResult(doc);
    expect(classroom.max_score).toBe(105);
    expect(sumPoints(classroom.tests.map((t) => t.score ?? 0))).toBe(doc.score.earned);

    const row = gradebookRow(record({ kind: 'unknown', reason: 'no deadline' }), doc, manifest);
    expect(row).toMatchObject({ score: doc.score.earned, rawScore: doc.score.earned, max: 105 });
    expect(sumPoints(Object.values(row.tasks))).toBe(doc.score.earned);
    Object.values(row.tasks).forEach(hundredths);
    const canvas = canvasCsv([lmsRow(row)], manifest.title, 105);
    expect(canvas.split('\r\n').slice(1, 3)).toEqual(['    Points Possible,,,,,105', `ann,,,ann,,${doc.score.earned}`]);
    const moodle = moodleGradesCsv(
      [{ student: 'ann', email: null, idNumber: null, score: row.score, rawScore: row.rawScore, max: row.max, late: '', message: null }],
      manifest.title,
      'username',
    );
    expect(moodle.csv).toContain(`ann,${doc.score.earned},relu-lab: ${doc.score.earned} / 105`);
  });

  test('a late penalty keeps the score in hundredths', () => {
    const doc = graded((id) => !id.endsWith('.1'));
    const late = {
      kind: 'late',
      submittedAt: '2026-03-02T00:00:00.000Z',
      deadline: '2026-03-01T00:00:00.000Z',
      daysLate: 1,
      penaltyPercent: 7,
      accepted: true,
      policy: 'x',
    } as const;
    const row = gradebookRow(record(late), doc, manifest);
    hundredths(row.score);
    expect(row.score).toBe(scoreAfterLate(doc.score.earned, late));
    expect(row.score).toBeCloseTo(doc.score.earned * 0.93, 2);
  });
});
