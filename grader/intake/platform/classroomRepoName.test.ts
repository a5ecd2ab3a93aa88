// `gh classroom clone student-repos` (github/gh-classroom) clones each
// student's repository into `<assignment>-submissions/`, named as GitHub
// Classroom names them: `<assignment>-<login>`.
import { describe, expect, test } from 'vitest';
import { classroomLogin, classroomPrefix } from './classroomRepoName.ts';

describe('GitHub Classroom repository names', () => {
  test("the assignment's slug comes from the <assignment>-submissions folder, so hyphenated logins survive", () => {
    const names = ['relu-lab-ada-l', 'relu-lab-grace'];
    expect(classroomPrefix('relu-lab-submissions', names)).toBe('relu-lab-');
    expect(classroomLogin('relu-lab-ada-l', 'relu-lab-')).toBe('ada-l');
  });

  test("without that folder, the prefix every repository shares (up to a hyphen) is the assignment's", () => {
    expect(classroomPrefix('class', ['relu-lab-ada', 'relu-lab-alan', 'relu-lab-grace'])).toBe('relu-lab-');
    expect(classroomPrefix('class', ['ada', 'grace'])).toBeNull();
    expect(classroomPrefix('class', ['relu-lab-ada'])).toBeNull();
  });

  test('what follows the prefix must be a GitHub login', () => {
    expect(classroomLogin('relu-lab-..', 'relu-lab-')).toBeNull();
    expect(classroomLogin('relu-lab-a_b', 'relu-lab-')).toBeNull();
    expect(classroomLogin(`relu-lab-${'a'.repeat(40)}`, 'relu-lab-')).toBeNull();
    expect(classroomLogin('other-ada', 'relu-lab-')).toBeNull();
  });
});
