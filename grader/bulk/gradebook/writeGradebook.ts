// gradebook.csv and gradebook.json: one row per student, in id order, with
// who the student is (name, email and platform ids, from the platform's
// download and the roster) after relu-lab's own columns.
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
