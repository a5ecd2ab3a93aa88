// End to end, as a student's repository meets CI: export the starter, commit
// a partly solved submission, run the feedback workflow's own command with
// the environment GitHub Actions sets, and read what GitHub would show (job
// summary, annotations, step outputs) and the JUnit file. Then the same
// repository graded with a hidden bundle, and its history. The starter's
// node_modules is a symlink to this project's, so nothing is installed.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { hidden } from '../course/hidden.ts';
import { packHidden } from '../hiddenBundle/packHidden.ts';
import type { ClassroomResult } from '../export/classroom.ts';
import { exportLine } from '../ci/outputs/locateExport.ts';
import { TEST_MANIFEST_PATH } from '../manifest/testing/testManifest.ts';
import { exportStudent } from '../student/exportStudent.ts';

const run = promisify(execFile);
let tmp: string;
let repo: string;
let sha: string;

const git = (...args: string[]) =>
  run('git', ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo });

/** A reference module as a student would paste it into exercises/. */
async function solve(module: string): Promise<void> {
  const text = await fs.readFile(path.join(PACKAGE_ROOT, 'solutions', `${module}.ts`), 'utf8');
  await fs.writeFile(path.join(repo, 'exercises', `${module}.ts`), text.replaceAll('../exercises/types.ts', './types.ts'));
}

/** The `run:` line of the step with `id: <id>` in a workflow file. */
function stepRun(yaml: string, id: string): string {
  const lines = yaml.split('\n');
  const at = lines.findIndex((l) => l.trim() === `id: ${id}`);
  const runLine = lines.slice(at).find((l) => l.trim().startsWith('run: '));
  if (at < 0 || !runLine) throw new Error(`no step ${id} with a run line`);
  return runLine.trim().slice('run: '.length);
}

interface ActionsRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Runs `script` with bash in the repository, with the variables GitHub Actions sets. */
async function asGithubActions(script: string, name: string): Promise<ActionsRun> {
  const files = path.join(tmp, `actions-${name}`);
  await fs.mkdir(files);
  const summary = path.join(files, 'step_summary.md');
  const output = path.join(files, 'output');
  await fs.writeFile(summary, '');
  await fs.writeFile(output, '');
  const result = spawnSync('bash', ['-e', '-c', script], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 90_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo,
      GITHUB_SHA: sha,
      GITHUB_REF_NAME: 'main',
      GITHUB_REPOSITORY: 'course/alice-relu-lab',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: files,
    },
  });
  const outputs = Object.fromEntries(
    (await fs.readFile(output, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, summary: await fs.readFile(summary, 'utf8'), outputs };
}

const decode = (b64: string) => JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as ClassroomResult;
const FORGED = 'FORGED-BY-STUDENT-CODE';

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-e2e-'));
  // the tests' copy of the course's manifest, so an instructor's edits to grader/assignment.json (points, deadline...) change nothing here
  repo = (await exportStudent(path.join(tmp, 'alice'), assignment, { manifestPath: TEST_MANIFEST_PATH })).dir;
  await fs.symlink(path.join(PACKAGE_ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Starter');
  await solve('activations');
  await solve('claims');
  // student code that prints workflow commands and fake results when imported
  const training = path.join(repo, 'exercises', 'training.ts');
  const forging = `console.log('::error file=exercises/training.ts::${FORGED}');\nconsole.log('::set-output name=result::${FORGED}');\nprocess.stdout.write('result=${FORGED}\\n');\n`;
  await fs.writeFile(training, forging + (await fs.readFile(training, 'utf8')));
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Activations and claims');
  sha = (await git('rev-parse', 'HEAD')).stdout.trim();
}, 60_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the feedback workflow, visible tests only', () => {
  let result: ActionsRun;
  let junit: string;

  beforeAll(async () => {
    const workflow = await fs.readFile(path.join(repo, '.github/workflows/feedback.yml'), 'utf8');
    const command = stepRun(workflow, 'feedback');
    expect(await fs.readFile(path.join(repo, '.gitlab-ci.yml'), 'utf8')).toContain(command);
    result = await asGithubActions(command, 'visible');
    junit = await fs.readFile(path.join(repo, 'reports/ci/junit.xml'), 'utf8');
  }, 90_000);

  test('succeeds and says plainly that this is feedback from the visible tests only', () => {
    expect(result.status, result.stderr).toBe(0);
    // the hidden checks' points are not in the visible score: counted and named as graded later, never a bare total
    expect(result.summary).toMatch(/Visible tests only: 16 \/ 96 · 5 hidden checks \(4 points\) are graded after the deadline/);
    expect(result.summary).toMatch(/hidden tests run when your work is graded/);
  });

  test('the job summary shows the commit, each task and links into the repository at that commit', () => {
    expect(result.summary).toContain(`Commit \`${sha.slice(0, 7)}\` on \`main\``);
    expect(result.summary).toMatch(/Activations and their slopes \(`exercises\/activations.ts`\) \| 10 \/ 10/);
    expect(result.summary).toMatch(/The forward pass \(`exercises\/forward.ts`\) \| 0 \/ 15/);
    expect(result.summary).toContain(`https://github.com/course/alice-relu-lab/blob/${sha}/exercises/README.md`);
  });

  test("annotates the student's failing functions on their own lines, and nothing that passed", async () => {
    const backprop = await fs.readFile(path.join(repo, 'exercises/backprop.ts'), 'utf8');
    expect(result.stdout).toContain(`::error file=exercises/backprop.ts,line=${exportLine(backprop, 'mseLoss')},title=relu-lab%3A mseLoss`);
    const forward = await fs.readFile(path.join(repo, 'exercises/forward.ts'), 'utf8');
    expect(result.stdout).toContain(`::error file=exercises/forward.ts,line=${exportLine(forward, 'dense')},title=relu-lab%3A dense`);
    expect(result.stdout).not.toMatch(/^::error file=exercises\/activations\.ts/m);
    expect(result.stdout).toMatch(/^::notice title=relu-lab::\d+ more problems/m);
  });

  test("writes JUnit XML with a suite per task and each case at the student's function", async () => {
    // every visible test once: the suites' counts add up to the total
    const total = Number(/<testsuites name="relu-lab \(visible tests only\)" tests="(\d+)" failures="\d+" errors="0"/.exec(junit)?.[1]);
    const suites = [...junit.matchAll(/<testsuite name="[^"]*" tests="(\d+)"/g)].map((m) => Number(m[1]));
    // a suite per task, and one skipped suite standing for the checks graded after the deadline
    expect(suites).toHaveLength(8);
    expect(junit).toMatch(/<testsuite name="Graded later"/);
    expect(total).toBe(suites.reduce((a, n) => a + n, 0));
    expect(total).toBeGreaterThan(70);
    expect(junit).toMatch(/<testsuite name="Activations and their slopes" tests="9" failures="0" errors="0"/);
    const dead = await fs.readFile(path.join(repo, 'exercises/dead-neurons.ts'), 'utf8');
    expect(junit).toMatch(
      new RegExp(
        `<testcase name="deadNeurons &gt; [^"]*" classname="exercises/dead-neurons.ts" file="exercises/dead-neurons.ts" line="${exportLine(dead, 'deadNeurons')}"`,
      ),
    );
    expect(junit).toMatch(/<failure message="not implemented: backward/);
  });

  test("sets GitHub Classroom's result output, agreeing with the summary", () => {
    const classroom = decode(result.outputs.result);
    expect(classroom).toMatchObject({ version: 1, status: 'fail', max_score: 96 });
    // one entry per visible test, as in the JUnit XML
    expect(classroom.tests).toHaveLength(Number(/<testsuites [^>]*tests="(\d+)"/.exec(junit)?.[1]));
    expect(classroom.tests.reduce((a, t) => a + t.score, 0)).toBeCloseTo(16, 6);
    expect(result.outputs).toMatchObject({ score: '16', 'max-score': '96', mode: 'visible' });
  });

  test("the feedback report carries the experiments, run with the student's own functions", async () => {
    const report = await fs.readFile(path.join(repo, 'reports/ci/report.md'), 'utf8');
    expect(report).toMatch(/Experiments/);
    expect(report).toMatch(/implement \w+ first/);
  });

  test('what the student code prints never reaches the log, the outputs or the results', () => {
    expect(result.stdout).not.toContain(FORGED);
    expect(result.stderr).not.toContain(FORGED);
    expect(JSON.stringify(result.outputs)).not.toContain(FORGED);
  });
});

describe('the same repository graded with a hidden bundle', () => {
  let result: ActionsRun;

  beforeAll(async () => {
    const bundle = path.join(tmp, 'hidden.tgz');
    await packHidden(bundle, { manifestPath: TEST_MANIFEST_PATH });
    result = await asGithubActions(
      `node .relu-lab/relu-lab.mjs ci --hidden ${bundle} --junit reports/hidden/junit.xml --out reports/hidden --fail-under 50`,
      'hidden',
    );
  }, 90_000);

  test('grades with the hidden checks, and --fail-under sets the exit code', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/below --fail-under 50/);
    expect(result.summary).toMatch(/Graded with the hidden tests/);
    expect(result.summary).toMatch(/Activations and their slopes \(`exercises\/activations.ts`\) \| 10 \/ 10/);
    expect(result.outputs.mode).toMatch(/^hidden-[0-9a-f]{12}$/);
  });

  test('annotates failing hidden checks at the function the check exercises', async () => {
    const backprop = await fs.readFile(path.join(repo, 'exercises/backprop.ts'), 'utf8');
    expect(result.stdout).toContain(`::error file=exercises/backprop.ts,line=${exportLine(backprop, 'backward')},title=relu-lab%3A backward`);
    expect(result.stdout).not.toMatch(/^::error file=exercises\/activations\.ts/m);
  });

  test('shows no test withheld from students, by name or id, in any output', async () => {
    const withheld = hidden.checks.filter((c) => c.visibility && c.visibility !== 'visible');
    expect(withheld.length).toBeGreaterThan(0);
    const written = await Promise.all(
      (await fs.readdir(path.join(repo, 'reports/hidden'))).map((f) => fs.readFile(path.join(repo, 'reports/hidden', f), 'utf8')),
    );
    expect(await fs.stat(path.join(repo, 'reports/hidden/results.json')).catch(() => null)).toBeNull();
    const seen = [result.stdout, result.summary, ...written, Buffer.from(result.outputs.result, 'base64').toString('utf8')].join('\n');
    expect(withheld.filter((c) => seen.includes(c.id) || seen.includes(c.name)).map((c) => c.id)).toEqual([]);
    expect(result.stdout).not.toContain(FORGED);
  });
});

describe('the history of the repository', () => {
  test('grades each commit once (reusing what ci graded), in a worktree of its own, and shows the scores with a sparkline', async () => {
    const cli = path.join(repo, '.relu-lab/relu-lab.mjs');
    const first = await run(process.execPath, [cli, 'history', '-n', '2'], { cwd: repo });
    expect(first.stdout).toMatch(new RegExp(`${sha.slice(0, 7)}  \\d{4}-\\d{2}-\\d{2}\\s+16 / 96`));
    expect(first.stdout).toMatch(/0 \/ 96 {2}░{10} {2}Starter/);
    const html = await fs.readFile(path.join(repo, 'reports/history/history.html'), 'utf8');
    expect(html).toContain('<svg');
    expect((await git('worktree', 'list')).stdout.trim().split('\n')).toHaveLength(1);
    expect((await git('status', '--porcelain')).stdout).toBe('');
    // the feedback run above graded HEAD already: only the first commit needed grading
    expect(first.stderr).toContain(`graded ${sha.slice(0, 7)} (cached)`);
    const again = await run(process.execPath, [cli, 'history', '-n', '2'], { cwd: repo });
    expect(again.stdout.match(/\(cached\)/g)).toHaveLength(2);
  }, 90_000);
});
