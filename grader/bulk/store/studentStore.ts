// The output folder of a bulk run, one folder per student:
//   <out>/<id>/results.json  the results document (when something was graded)
//   <out>/<id>/report.html, report.md
//   <out>/<id>/student.json  the StudentRecord, written last: a student is
//                            done exactly when it exists
// Everything class-wide (gradebook, summary, exports) is rebuilt from these.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResultsDocument } from '../../results/types.ts';
import { validateResults } from '../../results/validateResults.ts';
import { GRADED_STATUSES, type StudentRecord } from '../types.ts';
import { writeFileAtomically } from '../../core/writeFileAtomically.ts';

export const RECORD_FILE = 'student.json';
export const RESULTS_FILE = 'results.json';

export const studentDir = (outDir: string, id: string) => path.join(outDir, id);

/** Writes the record atomically (temporary file, fsync, rename). */
export async function writeRecord(outDir: string, record: StudentRecord): Promise<void> {
  await writeFileAtomically(path.join(studentDir(outDir, record.id), RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

export async function readRecord(outDir: string, id: string): Promise<StudentRecord | null> {
  try {
    const data = JSON.parse(await readFile(path.join(studentDir(outDir, id), RECORD_FILE), 'utf8')) as StudentRecord;
    return data.recordVersion === 1 && data.id === id ? data : null;
  } catch {
    return null;
  }
}

/** The student's results document when it exists and is valid; null otherwise. */
export async function readResults(outDir: string, id: string): Promise<ResultsDocument | null> {
  try {
    return validateResults(JSON.parse(await readFile(path.join(studentDir(outDir, id), RESULTS_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** Ids of every student folder in `outDir` that holds a record, sorted. */
export async function listStudents(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const names = await readdir(path.join(outDir, entry.name)).catch(() => [] as string[]);
    if (names.includes(RECORD_FILE)) ids.push(entry.name);
  }
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface StoredStudent {
  record: StudentRecord;
  /** null when nothing was graded, or the file is missing or invalid */
  results: ResultsDocument | null;
}

/** Every student of `outDir` with their record and results, one at a time. */
export async function* readStudents(outDir: string): AsyncGenerator<StoredStudent> {
  for (const id of await listStudents(outDir)) {
    const record = await readRecord(outDir, id);
    if (!record) continue;
    const results = GRADED_STATUSES.includes(record.status) ? await readResults(outDir, id) : null;
    yield { record, results };
  }
}
