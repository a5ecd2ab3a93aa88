import { describe, expect, test } from 'vitest';
import type { GradebookRow } from '../types.ts';
import { lmsRow } from './gradebookRow.ts';

const row = (over: Partial<GradebookRow> = {}): GradebookRow => ({
  student: 'ann',
  score: 72,
  max: 100,
  rawScore: 80,
  tasks: {},
  status: 'graded',
  message: null,
  late: {
    kind: 'late',
    submittedAt: '2026-03-02T00:00:00.000Z',
    deadline: '2026-03-01T00:00:00.000Z',
    daysLate: 1,
    penaltyPercent: 10,
    accepted: true,
    policy: 'x',
  },
  commit: null,
  entryKind: 'git',
  reportPath: 'ann/report.html',
  identity: null,
  gradedAs: null,
  ...over,
});

describe('lmsRow', () => {
  test('a graded row keeps its score after the late policy and says how late it was', () => {
    expect(lmsRow(row({ message: 'ignored' }))).toEqual({
      student: 'ann',
      score: 72,
      rawScore: 80,
      max: 100,
      status: 'graded',
      late: '1 day late, -10 %',
      message: null,
      name: null,
      canvasId: null,
      sisUserId: null,
      sisLoginId: null,
      section: null,
    });
  });

  test('a row stopped at the deadline keeps its score and says why', () => {
    expect(lmsRow(row({ status: 'deadline', message: 'stopped at 60 s' }))).toMatchObject({ score: 72, message: 'stopped at 60 s' });
  });

  test('a row with nothing graded has no score, so the LMS leaves its cell alone', () => {
    const r = lmsRow(row({ status: 'unrecognised', score: 0, rawScore: 0, message: 'empty folder', late: { kind: 'unknown', reason: 'no time' } }));
    expect(r).toMatchObject({ score: null, status: 'unrecognised', late: '', message: 'empty folder' });
  });
});
