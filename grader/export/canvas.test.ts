import { describe, expect, test } from 'vitest';
import { canvasCsv, type LmsRow, moodleCsv } from './canvas.ts';

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

  test('moodle.csv maps a username to a grade, with feedback', () => {
    const lines = moodleCsv(rows, 'ReLU lab').split('\r\n');
    expect(lines[0]).toBe('username,ReLU lab,feedback');
    expect(lines[1]).toBe('ann,72,"relu-lab: 80 / 100; 1 day late, -10 %"');
    expect(lines[3]).toBe('cy,,not graded (unrecognised); empty folder');
  });
});
