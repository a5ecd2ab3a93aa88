// The starter's GitHub Classroom workflow, end to end without GitHub: a
// starter exported by `relu-lab export-student`, committed, its graded
// workflow's own steps run with a $GITHUB_OUTPUT file, and the outputs handed
// to Classroom's reporter (re-implemented from its source at commit
// 43c2d9f524d3c7926caf7cb4fee34200b40b8c26, classroomReporter.testHelper.ts)
// as the workflow's `env` and `runners` say. The workflow and job names are
// the ones Classroom generates (.github/workflows/classroom.yml, "Autograding
// Tests", run-autograding-tests).
import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { loadFixtureCorpus, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { runReporter } from './classroomReporter.testHelper.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: unknown;
  jobs: Record<string, { steps: Step[]; if?: string }>;
}

const run = promisify(execFile);
let root: string;
let starter: string;

/** The outputs a step appended to $GITHUB_OUTPUT (`name=value`, or `name<<DELIM` … `DELIM`). */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
  }
  return outputs;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-classroom-'));
  starter = path.join(root, 'starter');
  await run(process.execPath, ['bin/relu-lab.mjs', 'export-student', starter], { cwd: PACKAGE_ROOT });
  // a student's work with one mistake: relu'(0) is 1
  const corpus = await loadFixtureCorpus(assignment);
  const work = await materialiseFixture(
    corpus.find((f) => f.name === 'fails-relu-grad-at-zero')!,
    path.join(root, 'work'),
  );
  await cp(work, path.join(starter, 'exercises'), { recursive: true });
  // the Install step's packages: relu-lab's own
  await symlink(path.join(PACKAGE_ROOT, 'node_modules'), path.join(starter, 'node_modules'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.edu', ...args], { cwd: starter, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'starter');
}, 180_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the starter's GitHub Classroom workflow", () => {
  let workflow: Workflow;
  let steps: Step[];

  beforeAll(async () => {
    workflow = parse(await readFile(path.join(starter, '.github/workflows/classroom.yml'), 'utf8')) as Workflow;
    steps = workflow.jobs['run-autograding-tests'].steps;
  });

  test('has the names Classroom generates and ends with its reporter', () => {
    expect(workflow.name).toBe('Autograding Tests');
    expect(Object.keys(workflow.jobs)).toEqual(['run-autograding-tests']);
    expect(workflow.jobs['run-autograding-tests'].if).toBe("github.actor != 'github-classroom[bot]'");
    expect(steps.at(-1)!.uses).toBe('classroom-resources/autograding-grading-reporter@v1');
  });

  test('every runner the reporter is given has its variable, from the runners step', () => {
    const reporter = steps.at(-1)!;
    const runners = reporter.with!.runners.split(',');
    expect(Object.keys(reporter.env!).sort()).toEqual(runners.map((r) => `${r.toUpperCase()}_RESULTS`).sort());
    for (const r of runners) expect(reporter.env![`${r.toUpperCase()}_RESULTS`]).toBe(`\${{ steps.relu-lab.outputs.${r} }}`);
    expect(steps.find((s) => s.id === 'relu-lab')).toBeDefined();
  });

  test("run as GitHub would, the reporter's notice and table announce the score relu-lab ci gave, to the hundredth", async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const outputsOf = async (step: Step, name: string) => {
      const file = path.join(root, `${name}.txt`);
      await writeFile(file, '');
      await run('bash', ['-c', step.run!], { cwd: starter, env: { ...env, GITHUB_OUTPUT: file } });
      return readOutputs(await readFile(file, 'utf8'));
    };
    const graded = await outputsOf(
      steps.find((s) => s.name === 'Grade')!,
      'grade',
    );
    const runnerOutputs = await outputsOf(
      steps.find((s) => s.id === 'relu-lab')!,
      'runners',
    );
    const reporter = steps.at(-1)!;
    const reporterEnv = Object.fromEntries(
      Object.entries(reporter.env!).map(([name, expression]) => [name, runnerOutputs[/outputs\.(\w+)/.exec(expression)![1]]]),
    );
    const result = runReporter(reporter.with!.runners, reporterEnv);
    expect(graded.score).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(Number(graded.score)).toBeGreaterThan(0);
    expect(Number(graded.score)).toBeLessThan(Number(graded['max-score']));
    expect(result.notices[0]).toEqual({ title: 'Autograding complete', text: `Points ${graded.score}/${graded['max-score']}` });
    expect(result.table.at(-1)).toEqual(['Total: ', graded.score, graded['max-score']]);
    // a check failed: the graded job fails, as Classroom's reporter makes it
    expect(result.failed).toBe('Some tests failed.');
  }, 180_000);

  test('the feedback workflow beside it stays green whatever the score', async () => {
    const feedback = parse(await readFile(path.join(starter, '.github/workflows/feedback.yml'), 'utf8')) as Workflow;
    const all = Object.values(feedback.jobs).flatMap((j) => j.steps);
    expect(all.some((s) => s.uses?.startsWith('classroom-resources/'))).toBe(false);
    expect(all.some((s) => s.run?.includes('--fail-under'))).toBe(false);
    expect(feedback.name).not.toBe(workflow.name);
  });
});
