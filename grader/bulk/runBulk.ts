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
import type { RosterRow } from '../intake/platform/readRoster.ts';
import { discoverClass } from './discoverClass.ts';
import { lateInfo } from './late/lateInfo.ts';
import { collisionKey } from './planEntries.ts';
import { joinRoster, rosterIdentity, type Unmatched } from './roster/joinRoster.ts';
import { shareWithMembers } from './shareWithMembers.ts';
import { studentId } from './studentId.ts';
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
import { inShard, type Shard } from './shard.ts';
import { runGradingKey, sameGradingKey } from './store/gradingKey.ts';
import { readRecord, readResults, studentDir, writeRecord } from './store/studentStore.ts';
import type { BulkEntry, GradingKey, IntakeSource, StudentRecord } from './types.ts';

export interface BulkOptions {
  /** the class folder, or Gradescope's export zip */
  submissionsDir: string;
  /** --from: what made the class folder; null to tell from what it holds */
  from?: IntakeSource | null;
  /** --roster: the class list every entry is joined to; null for none */
  roster?: readonly RosterRow[] | null;
  /** --canvas-assignment: Canvas's id of the assignment, for canvas.csv's column */
  canvasAssignmentId?: string | null;
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
  /** what the class folder was read as */
  source: IntakeSource;
  /** entries no roster row matched (graded under their platform's id); empty without a roster */
  unmatched: Unmatched[];
  /** ids of roster students with no submission (a row scored 0 each) */
  missing: string[];
  /** odd things found in the class folder that did not stop the run */
  problems: string[];
  /** members of group submissions given their group's grade in rows of their own */
  groupMembers: number;
  /** rows in the gradebook (the students of this output folder, earlier runs' included) */
  rows: number;
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
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-bulk-'));
  let discovered;
  try {
    discovered = await discoverClass(options.submissionsDir, { from: options.from ?? null, workDir });
  } catch (e) {
    await rm(workDir, { recursive: true, force: true });
    throw e;
  }
  const joined = joinRoster(discovered.entries, options.roster ?? null);
  const problems = [...discovered.problems];
  const entries = withoutCollidingMembers(joined.entries, problems);
  const planned = planEntries(entries, options.shard);
  const gradedIds = new Set(entries.flatMap((e) => [e.id, ...(e.members ?? []).map((m) => m.id)]).map(collisionKey));
  // a roster row whose id an unmatched entry already has is that entry's row, not a missing student
  const missing = joined.missing.filter((row) => inShard(studentId(row.id, false), options.shard) && !gradedIds.has(collisionKey(studentId(row.id, false))));
  const plannedIds = new Set(planned.flatMap((p) => (p.kind === 'grade' ? [p.entry.id, ...(p.entry.members ?? []).map((m) => m.id)] : [p.id, ...p.otherIds])));
  const log = await EventLog.open(outDir);
  await log.write({
    event: 'run-start',
    pid: process.pid,
    workers: options.workers,
    students: planned.length,
    resume: options.resume,
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null,
  });
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
    ...(p.entry.identity ? { identity: p.entry.identity } : {}),
  });
  /** writes an entry's record, and the same for the other members of its group */
  const writeRecords = async (entry: BulkEntry, rec: StudentRecord): Promise<void> => {
    await writeRecord(outDir, rec);
    if (entry.members?.length) await shareWithMembers(outDir, rec, entry.members);
  };

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
      await writeRecords(entry, record(prepared, { status: prepared.status, message: prepared.message, key: null }));
      await log.write({ event: 'rejected', id: entry.id, status: prepared.status, message: prepared.message });
      counts.notGraded += 1;
      return progress?.tick(entry.id, 'not-graded', prepared.message);
    }
    try {
      const { contentHash } = await submissionIdentity(prepared.gradeDir);
      const key: GradingKey = { contentHash, ...runKey };
      if (options.resume && (await alreadyGraded(outDir, entry.id, key))) {
        const previous = (await readRecord(outDir, entry.id))!;
        await writeRecords(entry, {
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
        await writeRecords(entry, record(prepared, { status: s.outcome, message: s.message, key: { ...key, contentHash: s.contentHash } }));
        await log.write({ event: 'graded', id: entry.id, status: s.outcome, score: s.earned, max: s.possible, ms: s.ms });
        // a submission stopped at its time limit is graded (what was decided by then counts); a grader error is not
        if (s.outcome === 'grader-error') counts.errors += 1;
        else counts.graded += 1;
        const detail = `${s.earned}/${s.possible}${s.outcome === 'deadline' ? ' (stopped at the time limit)' : ''}`;
        return progress?.tick(entry.id, s.outcome === 'grader-error' ? 'error' : 'graded', s.outcome === 'grader-error' ? (s.message ?? s.outcome) : detail);
      }
      const doc = await recordFailure(item, manifest, outcome.message, options.assignmentPath);
      await writeRecords(entry, record(prepared, { status: 'grader-error', message: outcome.message, key }));
      await log.write({ event: 'graded', id: entry.id, status: 'grader-error', score: 0, max: doc.score.possible, ms: 0 });
      counts.errors += 1;
      progress?.tick(entry.id, 'error', outcome.message);
    } finally {
      await prepared.cleanup();
    }
  };

  for (const row of missing) {
    const id = studentId(row.id, false);
    await writeRecord(outDir, {
      recordVersion: 1,
      id,
      entry: { name: '(no submission)', kind: 'other' },
      status: 'missing',
      message: 'the roster lists this student, but the class folder holds no submission of theirs',
      key: null,
      commit: null,
      late: lateInfo(null, options.deadline, manifest.latePolicy),
      finishedAt: new Date().toISOString(),
      identity: rosterIdentity(row),
    });
    await log.write({ event: 'rejected', id, status: 'missing', message: 'on the roster, no submission' });
  }
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
  const finalised = await finalise(outDir, manifest, options.formats, new Date(), { canvasAssignmentId: options.canvasAssignmentId ?? null });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  await log.write({ event: 'run-end', ...counts, rejected: counts.notGraded, seconds });
  if (fatal) throw fatal;
  if (options.signal?.aborted)
    throw new ReluLabError(
      'grader-failed',
      `interrupted; the gradebook shows the ${finalised.rows.length} students done so far. Run the same command with --resume to go on.`,
    );
  const collisions = planned.flatMap((p) => (p.kind === 'id-collision' ? [{ id: p.id, entries: p.entries.map((e) => e.name) }] : []));
  return {
    students: planned.length,
    ...counts,
    collisions,
    source: discovered.source,
    unmatched: joined.unmatched.filter((u) => plannedIds.has(u.id)),
    missing: missing.map((row) => studentId(row.id, false)),
    problems,
    groupMembers: planned.reduce((n, p) => n + (p.kind === 'grade' ? (p.entry.members?.length ?? 0) : 0), 0),
    rows: finalised.rows.length,
    seconds,
    gradebookPath: finalised.gradebookPath,
    summaryPath: finalised.summaryPath,
  };
}

/**
 * Group members whose id is also another entry's (or another member's): they
 * keep only their own submission's row; the group's is not copied over it.
 */
function withoutCollidingMembers(entries: readonly BulkEntry[], problems: string[]): BulkEntry[] {
  const taken = new Set(entries.map((e) => collisionKey(e.id)));
  return entries.map((entry) => {
    if (!entry.members?.length) return entry;
    const members = entry.members.filter((m) => {
      const key = collisionKey(m.id);
      if (!taken.has(key)) {
        taken.add(key);
        return true;
      }
      problems.push(
        `${m.id}, a member of the group submission ${entry.name}, has another submission or group under the same id; the group's grade is not given to them`,
      );
      return false;
    });
    return { ...entry, members };
  });
}

/** Graded before with the same key, and its results are on disk and valid. Grading errors are always retried. */
async function alreadyGraded(outDir: string, id: string, key: GradingKey): Promise<boolean> {
  const previous = await readRecord(outDir, id);
  if (!previous?.key || (previous.status !== 'graded' && previous.status !== 'deadline')) return false;
  return sameGradingKey(previous.key, key) && (await readResults(outDir, id)) !== null;
}
