// gradebook.csv and gradebook.json: one row per student, in id order, with
// who the student is (name, email and platform ids, from the platform's
// download and the roster) after relu-lab's own columns, then which state of
// a repository was graded: handed in on time or late (`taken`), how late and
// at what cost, whether uncommitted changes were graded with the commit
// (`dirty`), and with --late best the commit not taken and its score after
// the late policy. New columns go at the end, so scripts reading the older
// ones by position go on working.
import path from 'node:path';
import { sumPoints } from '../../core/points.ts';
import type { Manifest } from '../../manifest/types.ts';
import { lateColumn } from './gradebookRow.ts';
import { writeFileAtomically } from '../../core/writeFileAtomically.ts';
import type { GradebookRow } from '../types.ts';
import { csvDocument, type Cell } from '../../export/csv.ts';

export const GRADEBOOK_CSV = 'gradebook.csv';
export const GRADEBOOK_JSON = 'gradebook.json';

export function gradebookCsv(rows: readonly GradebookRow[], manifest: Manifest): string {
  const taskIds = manifest.tasks.map((t) => t.id);
  const header: Cell[] = [
    'student',
    'score',
    'max',
    ...taskIds,
    'status',
    'late',
    'commit',
    'raw_score',
    'message',
    'name',
    'email',
    'canvas_id',
    'github_login',
    'gradescope_sid',
    'graded_as',
    'taken',
    'days_late',
    'penalty_percent',
    'dirty',
    'passed_over_commit',
    'passed_over_score',
  ];
  const lines = rows.map((r): Cell[] => [
    r.student,
    r.score,
    r.max,
    ...taskIds.map((id) => r.tasks[id] ?? 0),
    r.status,
    lateColumn(r),
    r.commit,
    r.rawScore,
    r.message,
    r.identity?.name,
    r.identity?.email,
    r.identity?.canvasId,
    r.identity?.githubLogin,
    r.identity?.gradescopeSid,
    r.gradedAs,
    r.taken,
    r.late.kind === 'late' ? r.late.daysLate : r.late.kind === 'on-time' ? 0 : null,
    r.late.kind === 'late' ? r.late.penaltyPercent : r.late.kind === 'on-time' ? 0 : null,
    r.dirty === null ? null : r.dirty ? 'yes' : 'no',
    r.passedOver?.commit?.commit,
    r.passedOver?.score,
  ]);
  return csvDocument([header, ...lines]);
}

export interface GradebookJson {
  assignment: string;
  generatedAt: string;
  max: number;
  tasks: { id: string; title: string; points: number }[];
  rows: GradebookRow[];
}

export async function writeGradebook(outDir: string, rows: readonly GradebookRow[], manifest: Manifest, now: Date): Promise<void> {
  const json: GradebookJson = {
    assignment: manifest.title,
    generatedAt: now.toISOString(),
    max: sumPoints(manifest.tasks.map((t) => t.points)),
    tasks: manifest.tasks.map((t) => ({ id: t.id, title: t.title, points: t.points })),
    rows: [...rows],
  };
  await writeFileAtomically(path.join(outDir, GRADEBOOK_CSV), gradebookCsv(rows, manifest));
  await writeFileAtomically(path.join(outDir, GRADEBOOK_JSON), `${JSON.stringify(json, null, 2)}\n`);
}
