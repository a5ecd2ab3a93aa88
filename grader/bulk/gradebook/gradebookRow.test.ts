import { describe, expect, test } from 'vitest';
import type { GradebookRow } from '../types.ts';
import { type StudentIdentity, unknownIdentity } from '../types.ts';
import { lateColumn, lmsRow } from './gradebookRow.ts';

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
  taken: null,
  dirty: null,
  passedOver: null,
  notOnRoster: null,
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

  test('a roster student with no submission scores 0 in the LMS too, with who they are', () => {
    const identity: StudentIdentity = { ...unknownIdentity('folders'), rosterId: 's1005', name: 'Emmy Noether', canvasId: '12349', section: 'B' };
    const r = lmsRow(row({ status: 'missing', score: 0, rawScore: 0, message: 'no submission', late: { kind: 'unknown', reason: 'none' }, identity }));
    expect(r).toMatchObject({ score: 0, status: 'missing', name: 'Emmy Noether', canvasId: '12349', section: 'B' });
  });

  test("Canvas's LATE, which carries no time, is said in the late column without a penalty", () => {
    const late = row({ late: { kind: 'unknown', reason: 'no time' }, identity: { ...unknownIdentity('canvas'), platformLate: true } });
    expect(lateColumn(late)).toBe('late (per Canvas; no submission time, no penalty applied)');
    expect(lateColumn(row())).toBe('1 day late, -10 %');
  });
});
