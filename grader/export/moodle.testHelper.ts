// What Moodle's CSV grade importer does with a file, for tests: the rules of
// moodle/moodle's grade/import/csv/classes/load_data.php at commit
// 0289d8c7665458f8ffc47e34527598e15523f104 (map_user_data_with_value,
// check_user_exists, update_grade_item, prepare_import_grade_data), with the
// instructor's mapping: one column to a user field, one to the grade item,
// one to its feedback. Rows of one cell are skipped; a user cell that is
// empty, or names no user, aborts the whole import; "" or "-" is "no grade";
// any other grade must be a number (unformat_float) or the import aborts.
import { parse } from 'csv-parse/sync';

export type MoodleImport = { kind: 'imported'; grades: Map<string, { grade: number | null; feedback: string | null }> } | { kind: 'aborted'; reason: string };

export function moodleImport(csv: string, mapping: { user: string; grade: string; feedback?: string }, users: ReadonlySet<string>): MoodleImport {
  const [header, ...lines] = parse(csv, { relax_column_count: true }) as string[][];
  const col = (name: string) => header.findIndex((h) => h.trim() === name);
  const [userCol, gradeCol, feedbackCol] = [col(mapping.user), col(mapping.grade), mapping.feedback ? col(mapping.feedback) : -1];
  if (userCol < 0 || gradeCol < 0) return { kind: 'aborted', reason: 'a mapped column is missing' };
  const grades = new Map<string, { grade: number | null; feedback: string | null }>();
  for (const line of lines) {
    if (line.length <= 1) continue;
    const user = (line[userCol] ?? '').trim();
    if (user === '' || !users.has(user)) return { kind: 'aborted', reason: `user not found: "${user}"` };
    const value = (line[gradeCol] ?? '').trim();
    let grade: number | null = null;
    if (value !== '' && value !== '-') {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return { kind: 'aborted', reason: `bad grade "${value}"` };
      grade = Number(value);
    }
    grades.set(user, { grade, feedback: feedbackCol >= 0 ? (line[feedbackCol] ?? '').trim() : null });
  }
  return { kind: 'imported', grades };
}
