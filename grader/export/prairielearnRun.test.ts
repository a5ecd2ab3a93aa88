// templates/prairielearn/run.sh, run as PrairieLearn's external grader would
// (https://docs.prairielearn.com/externalGrading/: the student's files in
// /grade/student, results read from /grade/results/results.json), with /grade
// moved under a temporary GRADE: a syntax error is not gradable (the attempt
// is not charged) and lists the error; a graded submission has its score as a
// fraction and the course's pictures as images; a crash is not gradable and
// shows no stack trace.
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { type Fixture, loadFixtureCorpus, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { PRAIRIELEARN, shapeProblems } from './platformShapes.testHelper.ts';
import type { PrairieLearnResults } from './prairielearn.ts';

const SCRIPT = path.join(PACKAGE_ROOT, 'templates/prairielearn/run.sh');
let root: string;
let corpus: Fixture[];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-prairielearn-'));
  corpus = await loadFixtureCorpus(assignment);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** /grade/student as PrairieLearn fills it from a file-upload question: the exercise files. */
async function grade(name: string, fixture: string | null, reluLab = PACKAGE_ROOT): Promise<{ results: PrairieLearnResults; stdout: string }> {
  const grade = path.join(root, name);
  const student = path.join(grade, 'student');
  await mkdir(student, { recursive: true });
  if (fixture)
    await materialiseFixture(
      corpus.find((f) => f.name === fixture)!,
      student,
    );
  const { stdout } = await promisify(execFile)('bash', [SCRIPT], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GRADE: grade, RELU_LAB: reluLab, CI: '1' },
  });
  return { results: JSON.parse(await readFile(path.join(grade, 'results', 'results.json'), 'utf8')), stdout };
}

describe('run.sh for PrairieLearn', () => {
  test('a syntax error is not gradable, so the attempt is not charged, and format_errors says where', async () => {
    const { results } = await grade('syntax-error', 'fails-to-compile');
    expect(shapeProblems(PRAIRIELEARN, results)).toEqual([]);
    expect(results).toMatchObject({ gradable: false, score: 0 });
    expect(results.format_errors!.join('\n')).toMatch(/forward\.ts:\d+:\d+ /);
  }, 120_000);

  test("a graded submission: the score as a fraction, a test per check, the student's pictures as SVG images", async () => {
    const { results } = await grade('graded', 'fails-relu-grad-at-zero');
    expect(shapeProblems(PRAIRIELEARN, results)).toEqual([]);
    expect(results.gradable).toBe(true);
    expect(results.score).toBeGreaterThan(0);
    expect(results.score).toBeLessThan(1);
    expect(results.tests.some((t) => t.points < t.max_points)).toBe(true);
    expect(results.images!.length).toBeGreaterThan(0);
    for (const image of results.images!) {
      expect(image.label).not.toBe('');
      expect(Buffer.from(image.url.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8')).toMatch(
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
      );
    }
  }, 120_000);

  test('when relu-lab crashes: not gradable, a short message, the trace only in the grader log', async () => {
    const broken = path.join(root, 'broken-relu-lab');
    await mkdir(path.join(broken, 'bin'), { recursive: true });
    await writeFile(
      path.join(broken, 'bin/relu-lab.mjs'),
      "console.error('TypeError: boom\\n    at main (/opt/relu-lab/grader/cli/main.ts:1:1)'); process.exit(1);\n",
    );
    await chmod(path.join(broken, 'bin/relu-lab.mjs'), 0o755);
    const { results, stdout } = await grade('crashes', null, broken);
    expect(shapeProblems(PRAIRIELEARN, results)).toEqual([]);
    expect(results).toMatchObject({ gradable: false, score: 0, message: expect.stringContaining('exit status 1') });
    expect(JSON.stringify(results)).not.toContain('main.ts');
    expect(stdout).toContain('at main (/opt/relu-lab/grader/cli/main.ts:1:1)');
  });

  test.runIf(commandExists('shellcheck'))('shellcheck finds nothing in run.sh', () => {
    expect(() => execFileSync('shellcheck', [SCRIPT], { encoding: 'utf8' })).not.toThrow();
  });
});

function commandExists(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
