// relu-lab bulk, as a function: every entry of a class folder prepared,
// skipped when --resume finds it already graded, or graded by the worker
// pool; each student's record written as soon as they are done; and the
// gradebook, summary and exports rebuilt from disk at the end.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReluLabError } from '../core/errors.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../intake/submissionIdentity.ts';
import { discoverEntries } from './discoverEntries.ts';
import { EventLog } from './store/eventLog.ts';
import { finalise } from './finalise.ts';
import type { ExportFormat } from './formats.ts';
import { Gate } from './Gate.ts';
import { planEntries, type PlannedEntry } from './planEntries.ts';
import { WorkerPool } from './pool/WorkerPool.ts';
import { gitIdentityOf, prepareEntry, type Prepared } from './prepareEntry.ts';
import { Progress, type ProgressOptions } from './progress/Progress.ts';
import { recordCollision } from './recordCollision.ts';
import { recordFailure } from './recordFailure.ts';
import type { Shard } from './shard.ts';
import { runGradingKey, sameGradingKey } from './store/gradingKey.ts';
import { readRecord, readResults, studentDir, writeRecord } from './store/studentStore.ts';
import type { GradingKey, StudentRecord } from './types.ts';

export interface BulkOptions {
  submissionsDir: string;
  outDir: string;
  manifest: Manifest;
  /** the module of the assignment graded (default: DEFAULTS.assignmentPath); its grading processes load it */
  assignmentPath?: string;
  /** grading processes */
  workers: number;
  resume: boolean;
  shard: Shard | null;
  formats: ExportFormat[];
  /** --deadline, or the manifest's */
  deadline: Date | null;
  atDeadline: boolean;
  progress: Omit<ProgressOptions, 'total'> | null;
  signal?: AbortSignal;
  /** per submission, in the parent (default: the manifest's submission deadline + 30 s) */
  hardDeadlineMs?: number;
  /** most students sent to a worker at once (default 4) */
  maxBatch?: number;
  workerModule?: string;
}

export interface BulkSummary {
  students: number;
  graded: number;
  skipped: number;
  notGraded: number;
  errors: number;
  /** ids two or more entries map to (ignoring case), none of them graded: the names of those entries */
  collisions: { id: string; entries: string[] }[];
  seconds: number;
  gradebookPath: string;
  summaryPath: string;
}

/** Entries prepared at once (unpacking, git): enough to keep the workers fed. */
const PREPARE_CONCURRENCY = 4;

export async function runBulk(options: BulkOptions): Promise<BulkSummary> {
  const started = performance.now();
  const { manifest, outDir } = options;
  if (options.atDeadline && !options.deadline)
    throw new ReluLabError('usage', '--at-deadline needs a deadline: set one in the manifest or pass --deadline ISO');
  const planned = planEntries(await discoverEntries(options.submissionsDir), options.shard);
  const log = await EventLog.open(outDir);
  await log.write({
    event: 'run-start',
    pid: process.pid,
    workers: options.workers,
    students: planned.length,
    resume: options.resume,
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null,
  });
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-bulk-'));
  const runKey = await runGradingKey(manifest, options.assignmentPath);
  const maxBatch = options.maxBatch ?? 4;
  const progress = options.progress ? new Progress({ ...options.progress, total: planned.length }) : null;
  const counts = { graded: 0, skipped: 0, notGraded: 0, errors: 0 };
  let pool: WorkerPool | null = null;
  const getPool = () =>
    (pool ??= new WorkerPool({
      size: options.workers,
      manifestPath: manifest.path,
      assignmentPath: options.assignmentPath,
      tmpRoot: path.join(workDir, 'workers'),
      hardDeadlineMs: options.hardDeadlineMs ?? manifest.limits.submissionDeadlineMs + 30_000,
      maxBatch,
      workerModule: options.workerModule,
      onRestart: (info) => void log.write({ event: 'worker-restart', ...info }),
    }));
  const prepareGate = new Gate(PREPARE_CONCURRENCY);
  const flightGate = new Gate(Math.max(2, options.workers * maxBatch * 2));
  let fatal: Error | null = null;
  const stopped = () => fatal !== null || options.signal?.aborted === true;
  const onAbort = () => void pool?.kill();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const record = (p: Prepared, fields: Pick<StudentRecord, 'status' | 'message' | 'key'>): StudentRecord => ({
    recordVersion: 1,
    id: p.entry.id,
    entry: { name: p.entry.name, kind: p.entry.kind },
    ...fields,
    commit: p.commit,
    late: p.late,
    finishedAt: new Date().toISOString(),
  });

  const handle = async (plan: PlannedEntry): Promise<void> => {
    if (stopped()) return;
    if (plan.kind === 'id-collision') {
      await recordCollision(outDir, plan);
      await log.write({ event: 'rejected', id: plan.id, status: 'id-collision', message: plan.message });
      counts.notGraded += 1;
      return progress?.tick(plan.id, 'not-graded', plan.message);
    }
    const { entry } = plan;
    const prepared = await prepareGate.run(() =>
      prepareEntry(entry, {
        workDir,
        deadline: options.deadline,
        atDeadline: options.atDeadline,
        latePolicy: manifest.latePolicy,
        moduleNames: manifest.tasks.map((t) => t.id),
      }),
    );
    if (prepared.kind === 'rejected') {
      await writeRecord(outDir, record(prepared, { status: prepared.status, message: prepared.message, key: null }));
      await log.write({ event: 'rejected', id: entry.id, status: prepared.status, message: prepared.message });
      counts.notGraded += 1;
      return progress?.tick(entry.id, 'not-graded', prepared.message);
    }
    try {
      const { contentHash } = await submissionIdentity(prepared.gradeDir);
      const key: GradingKey = { contentHash, ...runKey };
      if (options.resume && (await alreadyGraded(outDir, entry.id, key))) {
        const previous = (await readRecord(outDir, entry.id))!;
        await writeRecord(outDir, {
          ...record(prepared, { status: previous.status, message: previous.message, key: previous.key }),
          finishedAt: previous.finishedAt,
        });
        await log.write({ event: 'skipped', id: entry.id, reason: 'same files, grader version, manifest and hidden checks as the results on disk' });
        counts.skipped += 1;
        return progress?.tick(entry.id, 'skipped', 'already graded');
      }
      if (stopped()) return;
      const item = {
        id: entry.id,
        gradeDir: prepared.gradeDir,
        outDir: studentDir(outDir, entry.id),
        originalPath: path.relative(process.cwd(), entry.path) || entry.path,
        git: gitIdentityOf(prepared.commit),
      };
      const outcome = await getPool().submit(item);
      if (stopped()) return;
      if (outcome.kind === 'graded') {
        const s = outcome.summary;
        await writeRecord(outDir, record(prepared, { status: s.outcome, message: s.message, key: { ...key, contentHash: s.contentHash } }));
        await log.write({ event: 'graded', id: entry.id, status: s.outcome, score: s.earned, max: s.possible, ms: s.ms });
        // a submission stopped at its time limit is graded (what was decided by then counts); a grader error is not
        if (s.outcome === 'grader-error') counts.errors += 1;
        else counts.graded += 1;
        const detail = `${s.earned}/${s.possible}${s.outcome === 'deadline' ? ' (stopped at the time limit)' : ''}`;
        return progress?.tick(entry.id, s.outcome === 'grader-error' ? 'error' : 'graded', s.outcome === 'grader-error' ? (s.message ?? s.outcome) : detail);
      }
      const doc = await recordFailure(item, manifest, outcome.message, options.assignmentPath);
      await writeRecord(outDir, record(prepared, { status: 'grader-error', message: outcome.message, key }));
      await log.write({ event: 'graded', id: entry.id, status: 'grader-error', score: 0, max: doc.score.possible, ms: 0 });
      counts.errors += 1;
      progress?.tick(entry.id, 'error', outcome.message);
    } finally {
      await prepared.cleanup();
    }
  };

  try {
    await Promise.all(
      planned.map((p) =>
        flightGate
          .run(() => handle(p))
          .catch(async (e: Error) => {
            if (!fatal) fatal = e;
            await pool?.kill();
          }),
      ),
    );
    if (!fatal && !options.signal?.aborted) await (pool as WorkerPool | null)?.close();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await (pool as WorkerPool | null)?.kill();
    progress?.finish();
    await rm(workDir, { recursive: true, force: true });
  }
  // the gradebook shows whatever is on disk, also after an interruption
  const finalised = await finalise(outDir, manifest, options.formats);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  await log.write({ event: 'run-end', ...counts, rejected: counts.notGraded, seconds });
  if (fatal) throw fatal;
  if (options.signal?.aborted)
    throw new ReluLabError(
      'grader-failed',
      `interrupted; the gradebook shows the ${finalised.rows.length} students done so far. Run the same command with --resume to go on.`,
    );
  const collisions = planned.flatMap((p) => (p.kind === 'id-collision' ? [{ id: p.id, entries: p.entries.map((e) => e.name) }] : []));
  return { students: planned.length, ...counts, collisions, seconds, gradebookPath: finalised.gradebookPath, summaryPath: finalised.summaryPath };
}

/** Graded before with the same key, and its results are on disk and valid. Grading errors are always retried. */
async function alreadyGraded(outDir: string, id: string, key: GradingKey): Promise<boolean> {
  const previous = await readRecord(outDir, id);
  if (!previous?.key || (previous.status !== 'graded' && previous.status !== 'deadline')) return false;
  return sameGradingKey(previous.key, key) && (await readResults(outDir, id)) !== null;
}
