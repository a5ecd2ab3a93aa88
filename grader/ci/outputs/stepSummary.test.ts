import { describe, expect, test } from 'vitest';
import { sampleView } from '../testing/sampleView.ts';
import { stepSummary } from './stepSummary.ts';

const REPORT = '## relu-lab report\n\nSee [the guide](<../../exercises/README.md#1-activations>) and [more](../../exercises/README.md).\n';

describe('stepSummary', () => {
  test('opens by saying the visible tests are feedback and the grade comes from the hidden tests', () => {
    const md = stepSummary(sampleView(), REPORT, { blobBase: null, shaMismatch: null });
    expect(md).toMatch(/^> \[!NOTE\]\n> \*\*Visible tests only: /);
    expect(md).toContain('your grade comes from there, not from this workflow');
    expect(md).toContain(`Commit \`ccccccc\` on \`main\`.`);
    expect(md).toContain('](<../../exercises/README.md#1-activations>)');
  });

  test('a visible run counts the checks graded later beside its score, never a bare total', () => {
    const md = stepSummary(sampleView(), REPORT, { blobBase: null, shaMismatch: null });
    expect(md).toMatch(/\*\*Visible tests only: \d+ \/ \d+ · 1 hidden check \(2 points\) is graded when your work is graded\.\*\*/);
  });

  test("a report line or a branch name from the student's repository keeps no control and runs no workflow command", () => {
    const view = sampleView();
    view.doc.submission.git!.branch = 'main`\u001b]0;owned\u0007';
    const md = stepSummary(view, `${REPORT}\n::stop-commands::x\nwrong\u001bM\rScore: 96 / 96\n`, { blobBase: null, shaMismatch: null });
    expect(md).toContain('on `` main` ``.');
    expect(md).toContain('\n\\u003A:stop-commands::x\nwrong\\u000DScore: 96 / 96\n');
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });

  test('points guide links at the graded commit when GitHub says where it is', () => {
    const md = stepSummary(sampleView(), REPORT, { blobBase: 'https://github.com/o/r/blob/abc/', shaMismatch: null });
    expect(md).toContain('[the guide](https://github.com/o/r/blob/abc/exercises/README.md#1-activations)');
    expect(md).toContain('[more](https://github.com/o/r/blob/abc/exercises/README.md)');
  });

  test('names the hidden bundle, counts withheld tests, and warns when GITHUB_SHA was not graded', () => {
    const view = sampleView({ kind: 'hidden', bundle: { hash: 'e'.repeat(64), graderVersion: '0.1.0', checks: 48 } as never });
    const md = stepSummary(view, REPORT, { blobBase: null, shaMismatch: 'd'.repeat(40) });
    expect(md).toMatch(/\*\*Graded with the hidden tests: .*Hidden bundle `eeeeeeeeeeee` \(relu-lab 0\.1\.0, 48 checks\)\. 1 tests/);
    expect(md).toContain('GITHUB_SHA is `ddddddd`');
  });
});
