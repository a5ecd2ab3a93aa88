// Canvas's gradebook import (Canvas's guide "How do I import grades in the
// Gradebook?", and its CSV as Canvas's own Export writes it): the columns
// Student, ID, SIS User ID, SIS Login ID, Section, then one column per
// assignment, with a "Points Possible" row under the header. Student is
// "Last, First"; Canvas matches a row to a student by ID (the Canvas user
// id), else SIS User ID, else SIS Login ID (Ohio State's guide to importing a
// CSV into Carmen/Canvas grades: "Student Name (last name, first name) OR
// Student ID OR Student SIS User ID ... SIS Login ID ... Section ...
// Assignment Name"). An assignment column is named as the export names it,
// `Title (assignment id)`, which the import matches to the existing
// assignment; a header Canvas does not know creates a new assignment ("New
// assignment columns in the Gradebook generate new assignments in the
// Assignments area of Canvas", the same guide).
import { describe, expect, test } from 'vitest';
import { canvasCsv, type LmsRow, sortableName } from './canvas.ts';

const row = (student: string, over: Partial<LmsRow> = {}): LmsRow => ({
  student,
  score: 72,
  rawScore: 80,
  max: 100,
  status: 'graded',
  late: '1 day late, -10 %',
  message: null,
  ...over,
});

describe('LMS gradebook imports', () => {
  const rows = [row('ann'), row('bo,jr'), row('cy', { status: 'unrecognised', message: 'empty folder', score: null, rawScore: 0, late: '' })];

  test("canvas.csv has Canvas's columns, a Points Possible row, the score after the late policy, and blanks where nothing was graded", () => {
    const lines = canvasCsv(rows, 'ReLU lab', 100).split('\r\n');
    expect(lines[0]).toBe('Student,ID,SIS User ID,SIS Login ID,Section,ReLU lab');
    expect(lines[1]).toBe('    Points Possible,,,,,100');
    expect(lines[2]).toBe('ann,,,ann,,72');
    expect(lines[3]).toBe('"bo,jr",,,"bo,jr",,72');
    expect(lines[4]).toBe('cy,,,cy,,');
  });

  test('with the roster: "Last, First", the Canvas user id, SIS ids and section; the assignment column as Title (id)', () => {
    const joined = [
      row('s1001', { name: 'Ada Lovelace', canvasId: '12345', sisUserId: 'SIS1001', sisLoginId: 'ada.l', section: 'A' }),
      row('s1002', { name: 'Charles Babbage', canvasId: '12346' }),
      row('s1003', { name: 'Hopper, Grace', sisUserId: 'SIS1003' }),
      row('s1005', { name: 'Emmy Noether', canvasId: '12349', status: 'missing', score: 0, rawScore: 0 }),
    ];
    const lines = canvasCsv(joined, 'ReLU lab', 100, '4242').split('\r\n');
    expect(lines[0]).toBe('Student,ID,SIS User ID,SIS Login ID,Section,ReLU lab (4242)');
    expect(lines[1]).toBe('    Points Possible,,,,,100');
    expect(lines[2]).toBe('"Lovelace, Ada",12345,SIS1001,ada.l,A,72');
    // a Canvas user id alone identifies the student: no guessed SIS Login ID
    expect(lines[3]).toBe('"Babbage, Charles",12346,,,,72');
    expect(lines[4]).toBe('"Hopper, Grace",,SIS1003,,,72');
    expect(lines[5]).toBe('"Noether, Emmy",12349,,,,0');
  });

  test('without an assignment id the column is the title, which Canvas imports as a new assignment', () => {
    expect(canvasCsv([row('ann')], 'ReLU lab', 100, null).split('\r\n')[0]).toBe('Student,ID,SIS User ID,SIS Login ID,Section,ReLU lab');
  });

  test('names as Canvas sorts them', () => {
    expect(sortableName('Ada Lovelace')).toBe('Lovelace, Ada');
    expect(sortableName('Ada King Lovelace')).toBe('Lovelace, Ada King');
    expect(sortableName(' Cher ')).toBe('Cher');
    expect(sortableName('Lovelace, Ada')).toBe('Lovelace, Ada');
  });
});
