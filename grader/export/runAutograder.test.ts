// templates/run_autograder, run as Gradescope would (with its folders moved
// under a temporary AUTOGRADER): it writes results.json in Gradescope's
// format when grading works, and also when relu-lab crashes.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { loadFixtureCorpus, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { GRADESCOPE, shapeProblems } from './platformShapes.testHelper.ts';

const SCRIPT = path.join(PACKAGE_ROOT, 'templates/run_autograder');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-gradescope-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function autograder(name: string, submission: (dir: string) => Promise<void>, reluLab: string): Promise<unknown> {
  const ag = path.join(root, name);
  await mkdir(path.join(ag, 'submission'), { recursive: true });
  await submission(path.join(ag, 'submission'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, AUTOGRADER: ag, RELU_LAB: reluLab, CI: '1' };
  await promisify(execFile)('bash', [SCRIPT], { env });
  return JSON.parse(await readFile(path.join(ag, 'results', 'results.json'), 'utf8'));
}

/** A stand-in relu-lab whose CLI crashes. */
async function brokenReluLab(): Promise<string> {
  const dir = path.join(root, 'broken-relu-lab');
  await mkdir(path.join(dir, 'bin'), { recursive: true });
  await writeFile(path.join(dir, 'bin/relu-lab.mjs'), "console.error('TypeError: something broke inside'); process.exit(1);\n");
  await chmod(path.join(dir, 'bin/relu-lab.mjs'), 0o755);
  return dir;
}

describe('run_autograder for Gradescope', () => {
  test('grades /autograder/submission with relu-lab and writes Gradescope results', async () => {
    const corpus = await loadFixtureCorpus(assignment);
    const results = await autograder(
      'works',
      (dir) =>
        materialiseFixture(
          corpus.find((f) => f.name === 'fails-relu-grad-at-zero')!,
          dir,
        ).then(() => undefined),
      PACKAGE_ROOT,
    );
    expect(shapeProblems(GRADESCOPE, results)).toEqual([]);
    expect(results).toMatchObject({ score: expect.any(Number), tests: expect.arrayContaining([expect.objectContaining({ status: 'failed' })]) });
    expect((results as { score: number }).score).toBeGreaterThan(0);
    expect((results as { score: number }).score).toBeLessThan(100);
  }, 90_000);

  test('when relu-lab crashes it still writes a valid file: score 0, with why', async () => {
    const results = await autograder('crashes', async () => undefined, await brokenReluLab());
    expect(shapeProblems(GRADESCOPE, results)).toEqual([]);
    expect(results).toMatchObject({ score: 0, tests: [], output: expect.stringContaining('exit status 1') });
    expect((results as { output: string }).output).toContain('something broke inside');
  });
});
