// relu-lab ci: grades the checked-out commit of the current repository and
// speaks CI. Results come only from the reporter or the engine (never from
// what the tests print); outputs: results.json and the reports, the job
// summary, JUnit XML, GitHub annotations, GitHub Classroom's `result`.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Assignment } from '../assignment/Assignment.ts';
import type { Io } from '../core/Io.ts';
import { DEFAULTS } from '../core/defaults.ts';
import type { Audience } from '../report/ReportView.ts';
import { renderTerminal } from '../report/renderTerminal.ts';
import { graderVersion } from '../engine/graderVersion.ts';
import { writeGradingOutputs } from '../engine/writeGradingOutputs.ts';
import { findWorkTree } from '../intake/findWorkTree.ts';
import { modeKey } from './GradingSession.ts';
import { historyCacheDir, writeCached } from './history/historyCache.ts';
import { openSession } from './openSession.ts';
import { githubAnnotations } from './outputs/annotations.ts';
import { ciView, type CiView } from './outputs/ciView.ts';
import { classroomResult, encodeClassroomResult } from './outputs/classroomResult.ts';
import { appendOutputs, appendSummary, inertForGithub } from './outputs/githubFiles.ts';
import { junitXml } from './outputs/junitXml.ts';
import { stepSummary } from './outputs/stepSummary.ts';

export interface CiOptions {
  /** the assignment graded (its public face: the reports' exports, guide and pictures) */
  assignment: Assignment;
  /** a hidden bundle (folder or .tgz); visible mode without one */
  hidden?: string;
  /** percent below which the exit code is 1 */
  failUnder?: number;
  junit?: string;
  /** where results.json and the reports go (default reports/ci) */
  out?: string;
  /** the submission folder, relative to the repository root (default exercises) */
  submission?: string;
  manifestPath?: string;
  /** who reads the outputs (default student; instructor for the course's own grading run) */
  audience?: Audience;
}

export interface CiResult {
  exitCode: number;
  view: CiView;
  outDir: string;
}

async function readSources(submissionDir: string, tasks: readonly { id: string }[]): Promise<Record<string, string>> {
  const sources: Record<string, string> = {};
  for (const task of tasks) {
    const text = await fs.readFile(path.join(submissionDir, `${task.id}.ts`), 'utf8').catch(() => null);
    if (text !== null) sources[task.id] = text;
  }
  return sources;
}

const percentOf = (s: { earned: number; possible: number }) => (s.possible > 0 ? (100 * s.earned) / s.possible : 0);

export async function runCi(opts: CiOptions, io: Io): Promise<CiResult> {
  const env = io.env;
  const inActions = env.GITHUB_ACTIONS === 'true';
  const start = env.GITHUB_WORKSPACE ? path.resolve(io.cwd, env.GITHUB_WORKSPACE) : io.cwd;
  const root = (await findWorkTree(start)) ?? start;
  const submissionPath = opts.submission ?? DEFAULTS.submissionDir;
  const submissionDir = path.resolve(root, submissionPath);
  const outDir = path.resolve(io.cwd, opts.out ?? path.join(root, DEFAULTS.reportsDir, 'ci'));

  // the assignment's experiments run in visible mode too, so the feedback report has its Experiments section
  const session = await openSession({ hidden: opts.hidden, manifestPath: opts.manifestPath, experiments: opts.assignment.experiments?.bind(opts.assignment) });
  let doc;
  try {
    io.out(
      session.mode.kind === 'visible'
        ? 'relu-lab ci: running the visible tests (the hidden tests run when your work is graded)\n'
        : `relu-lab ci: grading with the hidden tests (bundle ${session.mode.bundle.hash.slice(0, 12)})\n`,
    );
    doc = await session.grade(submissionDir);
  } finally {
    await session.close();
  }
  const { manifest } = session;
  const audience = opts.audience ?? 'student';
  const now = new Date();
  const deadline = manifest.deadline ? new Date(manifest.deadline) : null;
  const view = ciView({
    doc,
    mode: session.mode,
    functionOf: session.functionOf,
    submissionPath: path.relative(root, submissionDir) || '.',
    sources: await readSources(submissionDir, manifest.tasks),
    now,
    deadline,
    audience,
  });

  // results.json holds every test: for students only when none is withheld from them, or when the
  // withheld ones are only counted (a visible run lists them as not run, without their names)
  const writeResults = audience === 'instructor' || view.withheld.count === 0 || session.mode.kind === 'visible';
  const { markdownPath } = await writeGradingOutputs(doc, outDir, { assignment: opts.assignment, manifest, audience, now, writeResults });
  // a clean commit's grading is what `relu-lab history` would compute: keep it for it
  const git = doc.submission.git;
  if (git && !git.dirty && doc.outcome.kind !== 'grader-error') {
    const key = { commit: git.commit, graderVersion: await graderVersion(), seed: manifest.fastCheck.seed, mode: modeKey(session.mode) };
    await writeCached(historyCacheDir(root), key, doc).catch(() => undefined);
  }
  const classroom = classroomResult(view);
  await fs.writeFile(path.join(outDir, 'classroom.json'), `${JSON.stringify(classroom, null, 2)}\n`);

  const terminal = renderTerminal(doc, { assignment: opts.assignment, color: io.color, audience, now, deadline });
  io.out(inActions ? inertForGithub(terminal) : terminal);
  io.out(`\nreport: ${path.relative(io.cwd, path.join(outDir, 'report.html'))}\nclassroom: ${path.relative(io.cwd, path.join(outDir, 'classroom.json'))}\n`);

  if (opts.junit) {
    const junitPath = path.resolve(io.cwd, opts.junit);
    await fs.mkdir(path.dirname(junitPath), { recursive: true });
    await fs.writeFile(junitPath, junitXml(view), 'utf8');
    io.out(`junit: ${path.relative(io.cwd, junitPath)}\n`);
  }
  if (env.GITHUB_STEP_SUMMARY) {
    const graded = doc.submission.git?.commit ?? null;
    const blobBase = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && graded ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${graded}/` : null;
    const shaMismatch = env.GITHUB_SHA && graded && env.GITHUB_SHA !== graded ? env.GITHUB_SHA : null;
    await appendSummary(env.GITHUB_STEP_SUMMARY, stepSummary(view, await fs.readFile(markdownPath, 'utf8'), { blobBase, shaMismatch }));
  }
  if (inActions) for (const line of githubAnnotations(view)) io.out(`${line}\n`);
  const percent = percentOf(view.score);
  if (env.GITHUB_OUTPUT) {
    await appendOutputs(env.GITHUB_OUTPUT, {
      result: encodeClassroomResult(classroom),
      score: String(view.score.earned),
      'max-score': String(view.score.possible),
      percent: percent.toFixed(1),
      mode: modeKey(session.mode),
    });
  }

  let exitCode = 0;
  if (doc.outcome.kind === 'grader-error') {
    io.err(`relu-lab ci: grading failed: ${doc.outcome.message}\n`);
    exitCode = 1;
  } else if (opts.failUnder !== undefined && percent < opts.failUnder) {
    io.err(`relu-lab ci: ${percent.toFixed(1)} % is below --fail-under ${opts.failUnder}\n`);
    exitCode = 1;
  }
  return { exitCode, view, outDir };
}
