// relu-lab bulk, as a function: every entry of a class folder prepared,
// skipped when --resume finds it already graded, or graded by the worker
// pool; each student's record written as soon as they are done; and the
// gradebook, summary and exports rebuilt from disk at the end.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
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
import { type Candidate, gitIdentityOf, prepareEntry } from './prepareEntry.ts';
import { Progress, type ProgressOptions } from './progress/Progress.ts';
import { recordCollision } from './recordCollision.ts';
import { recordFailure } from './recordFailure.ts';
import { inShard, type Shard } from './shard.ts';
import { runGradingKey, sameGradingKey } from './store/gradingKey.ts';
import { readRecord, readResults, RESULTS_FILE, studentDir, writeRecord } from './store/studentStore.ts';
import type { BulkEntry, GradingKey, IntakeSource, LateChoice, PassedOver, RowStatus, StudentRecord, Taken } from './types.ts';
import { loadAssignment } from '../assignment/loadAssignment.ts';
import { DEFAULTS } from '../core/defaults.ts';
import { writeGuide } from './guide/writeGuide.ts';
import { scoreAfterLate, takenOf } from './late/lateInfo.ts';
import type { GradeItem } from './pool/protocol.ts';

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
  /** --late: which state of a git repository is graded (default `last`: its work tree) */
  late?: LateChoice;
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
  const lateChoice = options.late ?? 'last';
  if (lateChoice !== 'last' && !options.deadline)
    throw new ReluLabError('usage', `--late ${lateChoice} needs a deadline: set one in the manifest or pass --deadline ISO`);
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
  // the reports link the student guide: a copy of it in the output folder, as the project is not beside it
  const assignment = await loadAssignment(options.assignmentPath ?? DEFAULTS.assignmentPath).catch(() => null);
  const guideHref = await writeGuide(outDir, assignment?.guidePath);
  /** entries with no commit to choose (folders, zips, repositories without one), when --late asks for a choice */
  let withoutCommits = 0;
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

  const notOnRoster = new Map(joined.unmatched.map((u) => [u.id, { entry: u.entry, lookedUpBy: u.lookedUpBy }]));
  const record = (
    entry: BulkEntry,
    state: Pick<Candidate, 'commit' | 'late'>,
    fields: Pick<StudentRecord, 'status' | 'message' | 'key'> & Pick<Partial<StudentRecord>, 'passedOver'>,
  ): StudentRecord => ({
    recordVersion: 1,
    id: entry.id,
    entry: { name: entry.name, kind: entry.kind },
    ...fields,
    commit: state.commit,
    late: state.late,
    finishedAt: new Date().toISOString(),
    ...(entry.identity ? { identity: entry.identity } : {}),
    ...(notOnRoster.has(entry.id) ? { notOnRoster: notOnRoster.get(entry.id) } : {}),
  });
  /** writes an entry's record, and the same for the other members of its group */
  const writeRecords = async (entry: BulkEntry, rec: StudentRecord): Promise<void> => {
    await writeRecord(outDir, rec);
    if (entry.members?.length) await shareWithMembers(outDir, rec, entry.members, notOnRoster);
  };
  const gradeItem = (entry: BulkEntry, state: Candidate, itemOutDir: string): GradeItem => ({
    id: entry.id,
    gradeDir: state.gradeDir,
    outDir: itemOutDir,
    originalPath: path.relative(process.cwd(), entry.path) || entry.path,
    git: gitIdentityOf(state.commit),
    guideHref,
  });
  /** Grades one state into `item.outDir`: what it scored, a grading error written as such when the worker failed. */
  const gradeState = async (item: GradeItem): Promise<StateGrade | null> => {
    const outcome = await getPool().submit(item);
    if (stopped()) return null;
    if (outcome.kind === 'graded') {
      const s = outcome.summary;
      return { status: s.outcome, message: s.message, earned: s.earned, possible: s.possible, contentHash: s.contentHash, ms: s.ms };
    }
    const doc = await recordFailure(item, manifest, outcome.message, options.assignmentPath);
    return { status: 'grader-error', message: outcome.message, earned: 0, possible: doc.score.possible, contentHash: doc.submission.contentHash, ms: 0 };
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
        late: lateChoice,
        latePolicy: manifest.latePolicy,
        moduleNames: manifest.tasks.map((t) => t.id),
      }),
    );
    if (lateChoice !== 'last' && prepared.kind === 'ready' && prepared.commit === null) withoutCommits += 1;
    if (prepared.kind === 'rejected') {
      await writeRecords(entry, record(entry, prepared, { status: prepared.status, message: prepared.message, key: null }));
      await log.write({ event: 'rejected', id: entry.id, status: prepared.status, message: prepared.message });
      counts.notGraded += 1;
      return progress?.tick(entry.id, 'not-graded', prepared.message);
    }
    try {
      if (prepared.kind === 'choice') await gradeBest(entry, prepared.states);
      else await gradeOne(entry, prepared);
    } finally {
      await prepared.cleanup();
    }
  };

  /** Grades the one state an entry has, unless --resume finds it graded already. */
  const gradeOne = async (entry: BulkEntry, state: Candidate): Promise<void> => {
    const { contentHash } = await submissionIdentity(state.gradeDir);
    const key: GradingKey = { contentHash, ...runKey };
    if (options.resume && (await alreadyGraded(outDir, entry.id, key))) {
      const previous = (await readRecord(outDir, entry.id))!;
      await writeRecords(entry, {
        ...record(entry, state, { status: previous.status, message: previous.message, key: previous.key }),
        finishedAt: previous.finishedAt,
      });
      await log.write({ event: 'skipped', id: entry.id, reason: 'same files, grader version, manifest and hidden checks as the results on disk' });
      counts.skipped += 1;
      return progress?.tick(entry.id, 'skipped', 'already graded');
    }
    if (stopped()) return;
    const graded = await gradeState(gradeItem(entry, state, studentDir(outDir, entry.id)));
    if (!graded) return;
    await writeRecords(entry, record(entry, state, { status: graded.status, message: graded.message, key: { ...key, contentHash: graded.contentHash } }));
    await finished(entry, graded, takenOf(state.late));
  };

  /**
   * --late best with an on-time and a late state: each graded (or found on
   * disk by --resume) into a folder of its own, the better score after the
   * late policy taken into the student's folder, the other recorded beside it.
   */
  const gradeBest = async (entry: BulkEntry, states: Record<Taken, Candidate>): Promise<void> => {
    const keys = {} as Record<Taken, GradingKey>;
    for (const taken of TAKEN) keys[taken] = { contentHash: (await submissionIdentity(states[taken].gradeDir)).contentHash, ...runKey };
    // the same files on time and late: graded once, as handed in on time
    if (keys['on-time'].contentHash === keys.late.contentHash) return gradeOne(entry, states['on-time']);
    const previous = options.resume ? await readRecord(outDir, entry.id) : null;
    const results = {} as Record<Taken, BestState>;
    for (const taken of TAKEN) results[taken] = await cachedState(outDir, previous, taken, keys[taken]);
    const choose = () => {
      const [onTime, late] = [results['on-time'], results.late];
      // a grading error is never a grade: shown as such, and graded again next time
      if (late.grade.status === 'grader-error') return 'late';
      if (onTime.grade.status === 'grader-error') return 'on-time';
      return scoreAfterLate(late.grade.earned, states.late.late) > scoreAfterLate(onTime.grade.earned, states['on-time'].late) ? 'late' : 'on-time';
    };
    const fresh = async (taken: Taken) => {
      if (stopped()) return false;
      const dir = path.join(workDir, 'states', taken, entry.id);
      const graded = await gradeState(gradeItem(entry, states[taken], dir));
      if (!graded) return false;
      results[taken] = { grade: graded, key: { ...keys[taken], contentHash: graded.contentHash }, where: { kind: 'graded', dir } };
      return true;
    };
    const ungraded = TAKEN.filter((taken) => results[taken].where === null);
    // one after the other: the worker pool tells the students of a batch apart by id
    for (const state of ungraded) if (!(await fresh(state))) return;
    let taken: Taken = choose();
    // taken now, passed over before: its results were not kept, so it is graded again
    if (results[taken].where?.kind === 'record') {
      if (!(await fresh(taken))) return;
      taken = choose();
    }
    const kept = results[taken];
    const other = results[taken === 'late' ? 'on-time' : 'late'];
    if (kept.where?.kind === 'graded') await promote(kept.where.dir, studentDir(outDir, entry.id));
    const passedOver: PassedOver = {
      taken: taken === 'late' ? 'on-time' : 'late',
      commit: states[taken === 'late' ? 'on-time' : 'late'].commit,
      late: states[taken === 'late' ? 'on-time' : 'late'].late,
      key: other.key,
      status: other.grade.status,
      earned: other.grade.earned,
      possible: other.grade.possible,
    };
    await writeRecords(entry, record(entry, states[taken], { status: kept.grade.status, message: kept.grade.message, key: kept.key, passedOver }));
    if (ungraded.length === 0 && kept.where?.kind === 'student') {
      await log.write({ event: 'skipped', id: entry.id, reason: 'both states already graded: same files, grader version, manifest and hidden checks' });
      counts.skipped += 1;
      return progress?.tick(entry.id, 'skipped', 'already graded');
    }
    await finished(entry, kept.grade, taken, passedOver);
  };

  /** The event, count and progress line of a student just graded. */
  const finished = async (entry: BulkEntry, graded: StateGrade, taken: Taken | null, passedOver?: PassedOver): Promise<void> => {
    await log.write({
      event: 'graded',
      id: entry.id,
      status: graded.status,
      score: graded.earned,
      max: graded.possible,
      ms: graded.ms,
      ...(passedOver ? { taken, passedOver: { taken: passedOver.taken, score: passedOver.earned } } : {}),
    });
    // a submission stopped at its time limit is graded (what was decided by then counts); a grader error is not
    if (graded.status === 'grader-error') {
      counts.errors += 1;
      return progress?.tick(entry.id, 'error', graded.message ?? graded.status);
    }
    counts.graded += 1;
    const chosen = passedOver ? ` (${taken}, over ${passedOver.taken} ${passedOver.earned}/${passedOver.possible})` : '';
    progress?.tick(entry.id, 'graded', `${graded.earned}/${graded.possible}${graded.status === 'deadline' ? ' (stopped at the time limit)' : ''}${chosen}`);
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
  if (withoutCommits > 0)
    problems.push(
      `--late ${lateChoice} has no effect on ${withoutCommits} entr${withoutCommits === 1 ? 'y' : 'ies'} with no commit (folders, zips, repositories without one): they were graded as handed in`,
    );
  // the gradebook shows whatever is on disk, also after an interruption
  const figures = assignment?.report?.figures;
  const finalised = await finalise(outDir, manifest, options.formats, new Date(), {
    canvasAssignmentId: options.canvasAssignmentId ?? null,
    exports: { figures: figures && ((plots: unknown) => figures.call(assignment!.report, plots)) },
  });
  if (finalised.moodleLeft.length > 0)
    problems.push(
      `moodle.csv has no row for ${finalised.moodleLeft.length} student${finalised.moodleLeft.length === 1 ? '' : 's'} (Moodle aborts an import on a user it cannot find): ${finalised.moodleLeft
        .slice(0, 5)
        .map((l) => `${l.student} (${l.reason})`)
        .join(', ')}${finalised.moodleLeft.length > 5 ? ', …' : ''}`,
    );
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

const TAKEN: readonly Taken[] = ['on-time', 'late'];

/** What grading one state gave. */
interface StateGrade {
  status: 'graded' | 'deadline' | 'grader-error';
  message: string | null;
  earned: number;
  possible: number;
  contentHash: string;
  ms: number;
}

/**
 * One state of --late best: its grade and where its results are. `student`:
 * in the student's folder (taken by the run before); `record`: only its score,
 * in the record (passed over before); `graded`: in a folder of this run's;
 * null: not graded yet.
 */
interface BestState {
  grade: StateGrade;
  key: GradingKey;
  where: { kind: 'student' } | { kind: 'record' } | { kind: 'graded'; dir: string } | null;
}

/** A state --resume finds graded with the same key: taken before (its results on disk) or passed over (its score in the record). */
async function cachedState(outDir: string, previous: StudentRecord | null, taken: Taken, key: GradingKey): Promise<BestState> {
  const none: BestState = { grade: { status: 'grader-error', message: null, earned: 0, possible: 0, contentHash: key.contentHash, ms: 0 }, key, where: null };
  const usable = (status: RowStatus): status is 'graded' | 'deadline' => status === 'graded' || status === 'deadline';
  if (!previous) return none;
  if (previous.key && usable(previous.status) && takenOf(previous.late) === taken && sameGradingKey(previous.key, key)) {
    const results = await readResults(outDir, previous.id);
    if (results) {
      const grade: StateGrade = {
        status: previous.status,
        message: previous.message,
        earned: results.score.earned,
        possible: results.score.possible,
        contentHash: key.contentHash,
        ms: 0,
      };
      return { grade, key: previous.key, where: { kind: 'student' } };
    }
  }
  const other = previous.passedOver;
  if (other?.key && usable(other.status) && other.taken === taken && sameGradingKey(other.key, key)) {
    const grade: StateGrade = { status: other.status, message: null, earned: other.earned, possible: other.possible, contentHash: key.contentHash, ms: 0 };
    return { grade, key: other.key, where: { kind: 'record' } };
  }
  return none;
}

/** The files a graded state leaves, moved into the student's folder once it is taken. */
const STATE_FILES = [RESULTS_FILE, 'report.html', 'report.md'];

async function promote(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const file of STATE_FILES) await copyFile(path.join(from, file), path.join(to, file));
}
