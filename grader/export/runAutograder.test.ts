// templates/run_autograder and run_autograder.setup.sh, run as Gradescope
// would (with its folders moved under a temporary AUTOGRADER), checked
// against Gradescope's "Autograder Specifications"
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/): a
// results.json in Gradescope's format when grading works, and also when
// relu-lab crashes; the late policy applied to submission_metadata.json's
// created_at and due_date; no stack trace where students read; and a setup
// that installs Node only from a tarball matching its pinned SHA-256. No test
// downloads anything: setup.sh is run against a fake tarball on disk.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { loadFixtureCorpus, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { GRADESCOPE, shapeProblems } from './platformShapes.testHelper.ts';

const SCRIPT = path.join(PACKAGE_ROOT, 'templates/run_autograder');
const FINISH = path.join(PACKAGE_ROOT, 'templates/run_autograder.finish.mjs');
const SETUP = path.join(PACKAGE_ROOT, 'templates/run_autograder.setup.sh');
const run = promisify(execFile);
let root: string;

interface Results {
  score: number;
  output: string;
  tests: { status: string; output: string }[];
  extra_data: Record<string, unknown>;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-gradescope-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Gradescope's submission_metadata.json, with what relu-lab reads of it (created_at, the assignment's due_date). */
const metadata = (createdAt: string, dueDate: string | null) => ({
  id: 123456,
  created_at: createdAt,
  assignment: { due_date: dueDate, late_due_date: null, release_date: '2026-02-01T00:00:00.000000-08:00', title: 'relu-lab', total_points: '100.0' },
  submission_method: 'upload',
  users: [{ email: 'ada@example.edu', id: 1001, name: 'Ada Lovelace' }],
  previous_submissions: [],
});

/** A manifest like relu-lab's own with `latePolicy` (a policy needs a deadline; Gradescope's due_date takes its place). */
async function manifestWith(name: string, latePolicy: object): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'grader/assignment.json'), 'utf8'));
  const file = path.join(root, `${name}.json`);
  await writeFile(
    file,
    JSON.stringify({ ...manifest, $schema: path.join(PACKAGE_ROOT, 'grader/schemas/assignment.schema.json'), deadline: '2026-01-01T00:00:00Z', latePolicy }),
  );
  return file;
}

async function autograder(
  name: string,
  submission: (dir: string) => Promise<void>,
  opts: { reluLab?: string; metadata?: object; manifest?: string } = {},
): Promise<{ results: Results; stdout: string }> {
  const ag = path.join(root, name);
  await mkdir(path.join(ag, 'submission'), { recursive: true });
  await submission(path.join(ag, 'submission'));
  if (opts.metadata) await writeFile(path.join(ag, 'submission_metadata.json'), JSON.stringify(opts.metadata));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, AUTOGRADER: ag, RELU_LAB: opts.reluLab ?? PACKAGE_ROOT, CI: '1' };
  if (opts.manifest) env.RELU_LAB_MANIFEST = opts.manifest;
  const { stdout } = await run('bash', [SCRIPT], { env });
  return { results: JSON.parse(await readFile(path.join(ag, 'results', 'results.json'), 'utf8')), stdout };
}

/** A stand-in relu-lab whose CLI crashes with a stack trace. */
async function brokenReluLab(): Promise<string> {
  const dir = path.join(root, 'broken-relu-lab');
  await mkdir(path.join(dir, 'bin'), { recursive: true });
  await writeFile(
    path.join(dir, 'bin/relu-lab.mjs'),
    "console.error('TypeError: something broke inside\\n    at main (/autograder/source/relu-lab/grader/cli/main.ts:10:5)'); process.exit(1);\n",
  );
  await chmod(path.join(dir, 'bin/relu-lab.mjs'), 0o755);
  return dir;
}

describe('run_autograder for Gradescope', () => {
  let graded: { results: Results; stdout: string };
  let producedDoc: string;

  beforeAll(async () => {
    const corpus = await loadFixtureCorpus(assignment);
    const fixture = corpus.find((f) => f.name === 'fails-relu-grad-at-zero')!;
    // 8 days after the due date, under "10 % per started day, not accepted after 7 days"
    graded = await autograder('late', (dir) => materialiseFixture(fixture, dir).then(() => undefined), {
      metadata: metadata('2026-03-09T10:00:00.000000-08:00', '2026-03-01T23:59:00.000000-08:00'),
      manifest: await manifestWith('week-limit', { kind: 'percent-per-day', percentPerDay: 10, maxDaysLate: 7 }),
    });
    // relu-lab's own results for the same submission, to apply other policies to (finish step only)
    producedDoc = path.join(root, 'graded-doc.json');
    execFileSync(
      process.execPath,
      ['bin/relu-lab.mjs', 'grade', '--submission', path.join(root, 'late', 'submission'), '--out', path.join(root, 'graded-out'), '--json'],
      { cwd: PACKAGE_ROOT, stdio: 'ignore', env: { ...process.env, CI: '1' } },
    );
    await copyFile(path.join(root, 'graded-out', 'results.json'), producedDoc);
  }, 180_000);

  test('grades /autograder/submission with relu-lab and writes results in the documented shape', () => {
    expect(shapeProblems(GRADESCOPE, graded.results)).toEqual([]);
    expect(graded.results.tests).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'failed' })]));
    expect(graded.results.extra_data.scoreBeforeLate).toBeGreaterThan(0);
    expect(graded.results.extra_data.scoreBeforeLate).toBeLessThan(100);
  });

  test('8 days late under a 7-day limit exports 0, as the gradebook has it, and says why', () => {
    expect(graded.results.score).toBe(0);
    expect(graded.results.output.split('\n')[0]).toMatch(
      /^late: 8 days late: not accepted under the late policy; score 0 \(\d+(\.\d+)? before the late policy\)$/,
    );
    expect(graded.results.extra_data.late).toMatchObject({ kind: 'late', daysLate: 8, accepted: false });
  });

  async function finish(name: string, meta: object | null, latePolicy: object): Promise<Results> {
    const out = path.join(root, `${name}.json`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      RELU_LAB_RESULTS: producedDoc,
      RELU_LAB_OUT: out,
      RELU_LAB_MANIFEST: await manifestWith(`${name}-manifest`, latePolicy),
    };
    if (meta) {
      await writeFile(path.join(root, `${name}-metadata.json`), JSON.stringify(meta));
      env.RELU_LAB_METADATA = path.join(root, `${name}-metadata.json`);
    }
    await run(process.execPath, ['--import', 'tsx', FINISH], { cwd: PACKAGE_ROOT, env });
    return JSON.parse(await readFile(out, 'utf8'));
  }

  test('2 days late at 10 % a day keeps 80 %; on time, no metadata or no policy keep the score', async () => {
    const raw = graded.results.extra_data.scoreBeforeLate as number;
    const policy = { kind: 'percent-per-day', percentPerDay: 10, maxDaysLate: 7 };
    const twoDays = await finish('two-days', metadata('2026-03-03T08:00:00Z', '2026-03-01T12:00:00Z'), policy);
    expect(twoDays.score).toBeCloseTo(Math.round(raw * 80) / 100, 6);
    expect(twoDays.output.split('\n')[0]).toContain('2 days late: -20 % under the late policy');
    expect(shapeProblems(GRADESCOPE, twoDays)).toEqual([]);
    expect((await finish('on-time', metadata('2026-03-01T08:00:00Z', '2026-03-01T12:00:00Z'), policy)).score).toBe(raw);
    expect((await finish('no-metadata', null, policy)).score).toBe(raw);
    const none = await finish('no-policy', metadata('2026-03-20T08:00:00Z', '2026-03-01T12:00:00Z'), { kind: 'none' });
    expect(none.score).toBe(raw);
    expect(none.output.split('\n')[0]).toContain('19 days late (no penalty)');
  });

  test('when relu-lab crashes: a valid file, score 0, a short message for the student, the trace for instructors only', async () => {
    const { results, stdout } = await autograder('crashes', async () => undefined, { reluLab: await brokenReluLab() });
    expect(shapeProblems(GRADESCOPE, results)).toEqual([]);
    expect(results).toMatchObject({ score: 0, tests: [], stdout_visibility: 'hidden', output: expect.stringContaining('exit status 1') });
    expect(results.output).not.toContain('at main');
    expect(results.output).not.toContain('something broke inside');
    // Gradescope shows run_autograder's stdout to instructors only when stdout_visibility is "hidden"
    expect(stdout).toContain('something broke inside');
    expect(stdout).toContain('at main (/autograder/source/relu-lab/grader/cli/main.ts:10:5)');
  });
});

describe('setup.sh for Gradescope', () => {
  let dist: string;
  let bin: string;
  let fakeSha: string;

  /** A release tarball laid out like nodejs.org's, whose node and npm only record how they were called. */
  beforeAll(async () => {
    dist = path.join(root, 'dist');
    const top = path.join(root, 'tarball', 'node-v20.19.5-linux-x64', 'bin');
    await mkdir(top, { recursive: true });
    await writeFile(path.join(top, 'node'), '#!/bin/sh\nif [ "$1" = "--version" ]; then echo v20.19.5; exit 0; fi\necho "node $*" >> "$RELU_LAB/calls.txt"\n');
    await writeFile(path.join(top, 'npm'), '#!/bin/sh\necho "npm $* in $(pwd)" >> "$RELU_LAB/calls.txt"\n');
    await chmod(path.join(top, 'node'), 0o755);
    await chmod(path.join(top, 'npm'), 0o755);
    await mkdir(path.join(dist, 'v20.19.5'), { recursive: true });
    const tarball = path.join(dist, 'v20.19.5', 'node-v20.19.5-linux-x64.tar.xz');
    execFileSync('tar', ['-cJf', tarball, '-C', path.join(root, 'tarball'), 'node-v20.19.5-linux-x64']);
    fakeSha = createHash('sha256')
      .update(await readFile(tarball))
      .digest('hex');
    // apt-get is not run for real
    bin = path.join(root, 'fake-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'apt-get'), '#!/bin/sh\necho "apt-get $*" >> "$RELU_LAB/calls.txt"\n');
    await chmod(path.join(bin, 'apt-get'), 0o755);
  });

  async function setup(name: string, script: string): Promise<{ code: number; stderr: string; calls: string; prefix: string }> {
    const reluLab = path.join(root, name, 'relu-lab');
    const prefix = path.join(root, name, 'node');
    await mkdir(path.join(reluLab, 'templates'), { recursive: true });
    await writeFile(path.join(reluLab, 'templates', 'run_autograder'), '#!/bin/sh\n');
    await writeFile(path.join(reluLab, 'calls.txt'), '');
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: process.env.HOME,
      RELU_LAB: reluLab,
      RELU_LAB_NODE_DIST: `file://${dist}`,
      RELU_LAB_NODE_PREFIX: prefix,
    };
    const result = await run('bash', [script], { env }).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    return { ...result, calls: await readFile(path.join(reluLab, 'calls.txt'), 'utf8'), prefix };
  }

  test('pins Node 20 by version and SHA-256, from nodejs.org', async () => {
    const text = await readFile(SETUP, 'utf8');
    expect(text).toMatch(/^NODE_VERSION="20\.\d+\.\d+"$/m);
    expect(text).toMatch(/^NODE_SHA256="[0-9a-f]{64}"$/m);
    expect(text).toContain('https://nodejs.org/dist');
    expect(text).toMatch(/sha256sum --check/);
  });

  test('refuses a tarball that does not match the pinned checksum, and installs nothing', async () => {
    const { code, stderr, calls, prefix } = await setup('mismatch', SETUP);
    expect(code).toBe(1);
    expect(stderr).toContain('does not match its published SHA-256');
    expect(calls).not.toContain('npm');
    await expect(readFile(path.join(prefix, 'bin', 'node'))).rejects.toThrow();
  });

  test('with a matching tarball: installs Node, runs npm ci and relu-lab doctor in relu-lab, so grading needs no network', async () => {
    const text = (await readFile(SETUP, 'utf8')).replace(/^NODE_SHA256=".*"$/m, `NODE_SHA256="${fakeSha}"`);
    const script = path.join(root, 'setup-with-fake-sha.sh');
    await writeFile(script, text);
    const { code, stderr, calls, prefix } = await setup('matches', script);
    expect(stderr).not.toContain('does not match');
    expect(code).toBe(0);
    expect(await readFile(path.join(prefix, 'bin', 'node'), 'utf8')).toContain('v20.19.5');
    expect(calls).toMatch(/^npm ci --no-audit --no-fund in .*\/matches\/relu-lab$/m);
    expect(calls).toContain('node bin/relu-lab.mjs doctor');
    expect(calls).toMatch(/^apt-get install .*git/m);
  });

  test('run_autograder uses the Node setup.sh installed and never npm', async () => {
    const text = await readFile(SCRIPT, 'utf8');
    expect(text).toContain('${RELU_LAB_NODE_PREFIX:-/usr/local/lib/relu-lab-node}/bin:$PATH');
    expect(text).toContain('npm_config_offline=true');
    expect(text).not.toMatch(/^\s*npm /m);
  });

  test.runIf(commandExists('shellcheck'))('shellcheck finds nothing in either script', () => {
    expect(() => execFileSync('shellcheck', [SCRIPT, SETUP], { encoding: 'utf8' })).not.toThrow();
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
