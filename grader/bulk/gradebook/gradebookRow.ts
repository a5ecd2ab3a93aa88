// One student's gradebook line, from their record and results document.
// The message may quote an entry's name or what grading found in its files:
// it is sanitised here (core/sanitiseText.ts), so the CSV, the JSON, the
// class summary and every export get the same safe text.
import { sumPoints } from '../../core/points.ts';
import { sanitiseText } from '../../core/sanitiseText.ts';
import type { Manifest } from '../../manifest/types.ts';
import type { ResultsDocument } from '../../results/types.ts';
import type { LmsRow } from '../../export/canvas.ts';
import { lateText, scoreAfterLate, takenOf } from '../late/lateInfo.ts';
import { RESULTS_FILE } from '../store/studentStore.ts';
import type { GradebookRow, StudentRecord } from '../types.ts';

export function gradebookRow(record: StudentRecord, results: ResultsDocument | null, manifest: Manifest): GradebookRow {
  const max = results?.score.possible ?? sumPoints(manifest.tasks.map((t) => t.points));
  const raw = results?.score.earned ?? 0;
  const tasks: Record<string, number> = {};
  for (const task of manifest.tasks) tasks[task.id] = results?.tasks.find((t) => t.id === task.id)?.earned ?? 0;
  const missingResults = results === null && (record.status === 'graded' || record.status === 'deadline');
  return {
    student: record.id,
    score: scoreAfterLate(raw, record.late),
    max,
    rawScore: raw,
    tasks,
    status: missingResults ? 'grader-error' : record.status,
    message: missingResults ? `${RESULTS_FILE} is missing or invalid; grade this student again` : record.message === null ? null : sanitiseText(record.message),
    late: record.late,
    commit: record.commit?.commit ?? null,
    taken: takenOf(record.late),
    dirty: record.commit ? record.commit.dirty : null,
    passedOver: record.passedOver ? { ...record.passedOver, score: scoreAfterLate(record.passedOver.earned, record.passedOver.late) } : null,
    notOnRoster: record.notOnRoster ?? null,
    entryKind: record.entry.kind,
    reportPath: results ? `${record.id}/report.html` : null,
    identity: record.identity ?? null,
    gradedAs: record.gradedAs ?? null,
  };
}

/**
 * The late column: the policy's verdict (and, with --late best, what the
 * state not taken scored), else what the platform said (Canvas's LATE
 * carries no time to apply a policy to).
 */
export function lateColumn(row: GradebookRow): string {
  const text = lateText(row.late);
  const other = row.passedOver;
  if (text && other) {
    const verdict = other.status === 'graded' || other.status === 'deadline' ? `${other.score} / ${other.possible}` : other.status;
    return `${text}; taken over the ${other.taken === 'late' ? 'late work' : 'work on time'} (${verdict}${other.taken === 'late' ? ' after the policy' : ''})`;
  }
  if (text || !row.identity?.platformLate) return text;
  return `late (per ${row.identity.source === 'canvas' ? 'Canvas' : row.identity.source}; no submission time, no penalty applied)`;
}

/**
 * The row as an LMS import reads it: no score where nothing was graded (the
 * LMS keeps what it had), 0 for a roster student with no submission, the
 * message only when not fully graded, and who the student is.
 */
export function lmsRow(row: GradebookRow): LmsRow {
  const scored = row.status === 'graded' || row.status === 'deadline' || row.status === 'missing';
  const who = row.identity;
  return {
    student: row.student,
    score: scored ? row.score : null,
    rawScore: row.rawScore,
    max: row.max,
    status: row.status,
    late: lateColumn(row),
    message: row.status === 'graded' ? null : row.message,
    name: who?.name ?? null,
    canvasId: who?.canvasId ?? null,
    sisUserId: who?.sisUserId ?? null,
    sisLoginId: who?.sisLoginId ?? null,
    section: who?.section ?? null,
  };
}
