// Turns one entry of the class folder into a private folder ready to grade,
// or into the reason it cannot be graded. Zips are unpacked safely, git
// repositories read through a private copy of their refs and objects, none
// of their configuration, hooks or filters trusted (UntrustedRepo; at the
// deadline, the commit's files are written from its objects into a temporary
// folder), and what is graded is always a copy.
import { copyFile, lstat, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type CommitInfo, type UntrustedRepo, withUntrustedRepo } from '../intake/untrustedRepo.ts';
import type { LatePolicy } from '../manifest/types.ts';
import type { GitIdentity } from '../results/types.ts';
import { copySubmission } from './copySubmission.ts';
import { lateInfo } from './late/lateInfo.ts';
import { locateExercises } from './locateExercises.ts';
import type { BulkEntry, GradedCommit, LateChoice, LateInfo, RowStatus, Taken } from './types.ts';
import { DEFAULT_ZIP_LIMITS, extractZip, type ZipLimits } from './zip/extractZip.ts';
import { unpackNestedZips } from './zip/unpackNestedZips.ts';

export interface PrepareOptions {
  /** a private folder for this run's copies, unpacked archives, commits' files and repositories' private copies */
  workDir: string;
  deadline: Date | null;
  /** which state of a repository is graded (types.ts LateChoice); folders and zips have one state only */
  late: LateChoice;
  latePolicy: LatePolicy;
  /** the assignment's modules: a submission is the folder holding their files */
  moduleNames: readonly string[];
  zipLimits?: ZipLimits;
}

/** One state of a submission, ready to grade. */
export interface Candidate {
  /** the private copy to grade: its folder's name is the student's id */
  gradeDir: string;
  commit: GradedCommit | null;
  late: LateInfo;
}

export type Prepared =
  | ({
      kind: 'ready';
      entry: BulkEntry;
      /** removes the private copy */
      cleanup(): Promise<void>;
    } & Candidate)
  /** `--late best` on a repository whose HEAD is past the deadline: its last commit at or before the deadline, and its work tree */
  | { kind: 'choice'; entry: BulkEntry; states: Record<Taken, Candidate>; cleanup(): Promise<void> }
  | { kind: 'rejected'; entry: BulkEntry; status: RowStatus; message: string; commit: GradedCommit | null; late: LateInfo };

/** The git identity results.json records, from the commit graded. */
export function gitIdentityOf(commit: GradedCommit | null): GitIdentity | null {
  if (!commit) return null;
  return { commit: commit.commit, author: commit.author, email: commit.email, date: commit.authorDate, branch: commit.branch, dirty: commit.dirty };
}

export async function prepareEntry(entry: BulkEntry, options: PrepareOptions): Promise<Prepared> {
  // a folder or zip carries no trustworthy time of its own; a platform's record of it (Gradescope's created_at) does
  const submittedAt = entry.identity?.submittedAt ? new Date(entry.identity.submittedAt) : null;
  const noTime = lateInfo(submittedAt && !Number.isNaN(submittedAt.getTime()) ? submittedAt : null, options.deadline, options.latePolicy);
  const scratch = path.join(options.workDir, 'scratch', entry.id);
  const gradeDir = path.join(options.workDir, 'graded', entry.id);
  const reject = (status: RowStatus, message: string, commit: GradedCommit | null = null, late: LateInfo = noTime): Prepared => ({
    kind: 'rejected',
    entry,
    status,
    message,
    commit,
    late,
  });
  const copyFrom = async (root: string, commit: GradedCommit | null, late: LateInfo, what: string, target = gradeDir): Promise<Prepared> => {
    const located = await locateExercises(root, options.moduleNames);
    if (located.kind === 'not-found') return reject('unrecognised', `${what} ${entry.name} holds no submission: ${located.reason}`, commit, late);
    await rm(target, { recursive: true, force: true });
    const copied = await copySubmission(located.dir, target);
    if (copied.kind === 'refused') {
      await rm(target, { recursive: true, force: true });
      return reject('refused', `${what} ${entry.name} was refused: ${copied.reason}`, commit, late);
    }
    return { kind: 'ready', entry, gradeDir: target, commit, late, cleanup: () => rm(target, { recursive: true, force: true }) };
  };

  await mkdir(path.dirname(scratch), { recursive: true });
  try {
    switch (entry.kind) {
      case 'other':
        return reject('unrecognised', `${entry.name} is not a folder, a git repository or a .zip archive`);
      case 'folder':
        return await copyFrom(entry.path, null, noTime, 'the folder');
      case 'zip': {
        const limits = options.zipLimits ?? DEFAULT_ZIP_LIMITS;
        const extracted = await extractZip(entry.path, scratch, limits);
        if (extracted.kind === 'refused') return reject('refused', `the archive ${entry.name} was refused: ${extracted.reason}`);
        const nested = await unpackNestedZips(scratch, limits, { entries: extracted.files, bytes: extracted.bytes });
        if (nested.kind === 'refused') return reject('refused', `the archive ${entry.name} was refused: ${nested.reason}`);
        return await copyFrom(scratch, null, noTime, 'the archive');
      }
      case 'files': {
        const gathered = await gatherFiles(entry.files ?? [], scratch, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
        if (gathered) return reject('refused', `the files of ${entry.name} were refused: ${gathered}`);
        return await copyFrom(scratch, null, noTime, 'the files of');
      }
      case 'git':
        return await prepareRepository(entry, options, copyFrom, reject, scratch, path.join(options.workDir, 'graded-on-time', entry.id));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Copies a platform's loose files into `scratch` under their original names
 * (made one safe path segment each), unpacking any zip among them (and zips
 * inside those) within the archive limits; the reason when refused.
 */
async function gatherFiles(files: readonly { path: string; name: string }[], scratch: string, limits: ZipLimits): Promise<string | null> {
  await mkdir(scratch, { recursive: true });
  const used = { entries: 0, bytes: 0 };
  for (const file of files) {
    const info = await lstat(file.path).catch(() => null);
    if (!info?.isFile()) return `${safeSegment(file.name)} is not a regular file`;
    used.entries += 1;
    used.bytes += info.size;
    if (used.entries > limits.maxEntries || used.bytes > limits.maxTotalBytes)
      return `they add up to more than ${limits.maxEntries} files or ${limits.maxTotalBytes} bytes`;
    const name = safeSegment(file.name);
    if (!name.toLowerCase().endsWith('.zip')) {
      await copyFile(file.path, path.join(scratch, name));
      continue;
    }
    const remaining: ZipLimits = { maxEntries: limits.maxEntries - used.entries, maxTotalBytes: limits.maxTotalBytes - used.bytes };
    const extracted = await extractZip(file.path, path.join(scratch, name.slice(0, -4) || 'archive'), remaining);
    if (extracted.kind === 'refused') return `the archive ${name} was refused: ${extracted.reason}`;
    used.entries += extracted.files;
    used.bytes += extracted.bytes;
  }
  const nested = await unpackNestedZips(scratch, limits, used);
  return nested.kind === 'refused' ? nested.reason : null;
}

/** A name from a platform's file name as one path segment: letters, digits, `.`, `_`, `-`, never `.` or `..` or hidden. */
export function safeSegment(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return safe.slice(0, 200) || 'file';
}

type CopyFrom = (root: string, commit: GradedCommit | null, late: LateInfo, what: string, target?: string) => Promise<Prepared>;
type Reject = (status: RowStatus, message: string, commit?: GradedCommit | null, late?: LateInfo) => Prepared;

function gradedCommit(commit: CommitInfo, atDeadline: boolean, branch: string | null, dirty: boolean): GradedCommit {
  return {
    commit: commit.commit,
    author: commit.author,
    email: commit.email,
    authorDate: commit.authorDate,
    committedAt: commit.committedAt,
    atDeadline,
    branch,
    dirty,
  };
}

async function prepareRepository(
  entry: BulkEntry,
  options: PrepareOptions,
  copyFrom: CopyFrom,
  reject: Reject,
  scratch: string,
  onTimeDir: string,
): Promise<Prepared> {
  const noTime = lateInfo(null, options.deadline, options.latePolicy);
  // the private copy sits beside the scratch folder, on the work folder's file system, and is removed afterwards
  let outcome;
  try {
    outcome = await withUntrustedRepo(entry.path, { within: entry.path, tmpDir: path.dirname(scratch) }, (repo) =>
      prepareFromRepository(repo, entry, options, copyFrom, reject, scratch, onTimeDir),
    );
  } catch (e) {
    return reject('unrecognised', `the repository ${entry.name} could not be read: ${(e as Error).message}`);
  }
  switch (outcome.kind) {
    case 'opened':
      return outcome.value;
    case 'refused':
      return reject('refused', `the repository ${entry.name} was refused: ${outcome.reason}`);
    case 'not-a-repository':
      // a .git that is not a git directory: grade what the folder holds, with no time of submission
      return copyFrom(entry.path, null, noTime, 'the repository');
  }
}

async function prepareFromRepository(
  repo: UntrustedRepo,
  entry: BulkEntry,
  options: PrepareOptions,
  copyFrom: CopyFrom,
  reject: Reject,
  scratch: string,
  onTimeDir: string,
): Promise<Prepared> {
  const headCommit = await repo.head();
  if (!headCommit) {
    // no commit yet (or none git can read): grade what the folder holds, with no time of submission
    return copyFrom(entry.path, null, lateInfo(null, options.deadline, options.latePolicy), 'the repository');
  }
  const head = async () => gradedCommit(headCommit, false, repo.branch, (await repo.changes(''))?.dirty ?? false);
  const headLate = lateInfo(new Date(headCommit.committedAt), options.deadline, options.latePolicy);
  // the work tree, judged by HEAD's date: what --late last grades
  const last = async () => copyFrom(entry.path, await head(), headLate, 'the repository');
  const { deadline } = options;
  if (options.late === 'last' || !deadline) return last();
  // HEAD on time: the work tree is the on-time work, as --late last grades it
  if (options.late === 'best' && headLate.kind !== 'late') return last();
  const found = await repo.atOrBefore(deadline);
  if (!found) {
    if (options.late === 'best') return last();
    return reject(
      'no-commit-before-deadline',
      `the repository ${entry.name} has no commit at or before the deadline ${deadline.toISOString()}`,
      await head(),
      headLate,
    );
  }
  const commit = gradedCommit(found, true, null, false);
  const later = await repo.commitsAfter(commit.commit);
  const late = lateInfo(new Date(commit.committedAt), deadline, options.latePolicy, later);
  let onTime: Prepared;
  try {
    await repo.checkout(commit.commit, scratch);
    onTime = await copyFrom(scratch, commit, late, 'the repository', options.late === 'best' ? onTimeDir : undefined);
  } catch (e) {
    onTime = reject(
      'unrecognised',
      `the repository ${entry.name} could not be checked out at ${commit.commit.slice(0, 12)}: ${(e as Error).message}`,
      commit,
      late,
    );
  }
  if (options.late === 'on-time') return onTime;
  // best: both states, or the one that can be graded
  const lastState = await last();
  if (onTime.kind !== 'ready') return lastState;
  if (lastState.kind !== 'ready') return onTime;
  const cleanup = async () => {
    await onTime.cleanup();
    await lastState.cleanup();
  };
  const state = (p: typeof onTime): Candidate => ({ gradeDir: p.gradeDir, commit: p.commit, late: p.late });
  return { kind: 'choice', entry, states: { 'on-time': state(onTime), late: state(lastState) }, cleanup };
}
