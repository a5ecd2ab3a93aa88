// Opens each submission's sandbox before its checks and closes it after
// them. The next submission's sandbox starts while this one's checks run, so
// the process start-up overlaps with work instead of adding to it.
import { afterAll, beforeAll } from 'vitest';
import { whenPrepared } from './feed.ts';
import type { JobContext } from '../../harness/job.ts';
import type { ReplyContracts } from '../../harness/replyContracts.ts';
import { StudentCode } from '../../harness/StudentCode.ts';

const opening = new Map<string, Promise<StudentCode>>();

type Contracts = { -readonly [K in keyof ReplyContracts]: ReplyContracts[K] };

/**
 * Per hidden face, the reply contracts its sandboxes hold replies to. The
 * first sandbox opens while the hidden face is still loading, so it is given
 * this table empty and serveSlot fills it in as the face loads: no call
 * reaches student code before the checks, and they wait for the face.
 */
const contracts = new Map<string, Contracts>();

/** The (shared, filled-in-place) reply contracts of the hidden face at `hiddenEntry`. */
export function replyContractsFor(hiddenEntry: string): Contracts {
  let table = contracts.get(hiddenEntry);
  if (!table) {
    table = {};
    contracts.set(hiddenEntry, table);
  }
  return table;
}

/** Starts opening `job`'s sandbox now; its checks pick it up later. */
export function openAhead(job: JobContext): void {
  void open(job);
}

function open(job: JobContext): Promise<StudentCode> {
  let pending = opening.get(job.id);
  if (!pending) {
    pending = StudentCode.open(job, { replyContracts: replyContractsFor(job.hiddenEntry) });
    opening.set(job.id, pending);
  }
  return pending;
}

/** Returns a getter for `job`'s StudentCode (valid inside its tests); `next` is opened ahead. */
export function useStudent(job: JobContext, next?: JobContext): () => StudentCode {
  let student: StudentCode | undefined;
  beforeAll(async () => {
    // its sandbox starts while it compiles; its checks wait for the compiled code
    await whenPrepared(job);
    student = await open(job);
    student.begin();
    if (next) openAhead(next);
  });
  afterAll(async () => {
    // also a sandbox opened ahead for a job that could not be prepared
    const pending = opening.get(job.id);
    opening.delete(job.id);
    await (student ?? (await pending))?.close();
  });
  return () => {
    if (!student) throw new Error('student code is opened in beforeAll; call the getter inside a test');
    return student;
  };
}
