// The Moodle gradebook CSV through Moodle's own import rules
// (moodle.testHelper.ts, from moodle/moodle's grade/import/csv at commit
// 0289d8c7665458f8ffc47e34527598e15523f104; the format and the mapping steps
// are Moodle's "Grade import" documentation, https://docs.moodle.org/en/Grade_import).
import { describe, expect, test } from 'vitest';
import { type MoodleStudent, moodleGradesCsv } from './moodle.ts';
import { moodleImport } from './moodle.testHelper.ts';

const student = (s: Partial<MoodleStudent> & Pick<MoodleStudent, 'student'>): MoodleStudent => ({
  email: `${s.student}@example.edu`,
  idNumber: null,
  score: 80,
  rawScore: 80,
  max: 100,
  late: '',
  message: null,
  ...s,
});

const users = new Set(['ada@example.edu', 'grace@example.edu', 'alan@example.edu', 'S-1001']);

describe('Moodle gradebook CSV', () => {
  const students = [
    student({ student: 'ada', score: 73.5, rawScore: 73.5 }),
    student({ student: 'grace', score: 0, rawScore: 100, late: '8 days late, not accepted' }),
    student({ student: 'alan', score: null, rawScore: 0, message: 'the archive was refused' }),
    student({ student: 'edsger', email: null, idNumber: 'S-1001' }),
  ];

  test("imports with Moodle's rules: Email address mapped to Email address, the score to the grade item", () => {
    const { csv, left } = moodleGradesCsv(students, 'relu-lab', 'email');
    expect(csv.split('\r\n')[0]).toBe('Email address,relu-lab,Feedback: relu-lab');
    const imported = moodleImport(csv, { user: 'Email address', grade: 'relu-lab', feedback: 'Feedback: relu-lab' }, users);
    expect(imported.kind).toBe('imported');
    if (imported.kind !== 'imported') return;
    expect(imported.grades.get('ada@example.edu')).toEqual({ grade: 73.5, feedback: 'relu-lab: 73.5 / 100' });
    // the late policy's 0 is the grade; the score before it is in the feedback
    expect(imported.grades.get('grace@example.edu')).toEqual({ grade: 0, feedback: 'relu-lab: 100 / 100; 8 days late, not accepted' });
    // nothing graded: no row, so Moodle's grade is not cleared; no email: no row, so the import is not aborted
    expect(imported.grades.has('alan@example.edu')).toBe(false);
    expect(left).toEqual([
      { student: 'alan', reason: 'the archive was refused' },
      { student: 'edsger', reason: 'no email address is known for this student' },
    ]);
  });

  test('by ID number, the students with one', () => {
    const { csv, left } = moodleGradesCsv(students, 'relu-lab', 'idnumber');
    const imported = moodleImport(csv, { user: 'ID number', grade: 'relu-lab' }, users);
    expect(imported).toMatchObject({ kind: 'imported' });
    expect(imported.kind === 'imported' && [...imported.grades.keys()]).toEqual(['S-1001']);
    expect(left.map((l) => l.student)).toEqual(['ada', 'grace', 'alan']);
  });

  test('what Moodle would refuse is never written: an empty user cell or a grade that is not a number', () => {
    expect(moodleImport('Email address,g\r\n,5\r\n', { user: 'Email address', grade: 'g' }, users)).toMatchObject({ kind: 'aborted' });
    expect(moodleImport('Email address,g\r\nada@example.edu,n/a\r\n', { user: 'Email address', grade: 'g' }, users)).toMatchObject({ kind: 'aborted' });
    const { csv } = moodleGradesCsv([student({ student: 'ada', email: ' ', score: 5 }), student({ student: 'grace', score: 12.25 })], 'a, "quoted" title');
    const imported = moodleImport(csv, { user: 'Email address', grade: 'a, "quoted" title' }, users);
    expect(imported.kind === 'imported' && Object.fromEntries([...imported.grades].map(([k, v]) => [k, v.grade]))).toEqual({ 'grace@example.edu': 12.25 });
  });
});
