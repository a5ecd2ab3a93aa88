// The record of entries whose ids collide: one `id-collision` row under the
// group's id, written over whatever an earlier run recorded there (a student
// graded before a second entry with the same id appeared must not stay
// graded). Folders of the group's other spellings (`Alice/` beside
// `alice/`) get the same record when they hold one, as they can on a
// case-sensitive file system; on a case-insensitive one they are the same
// folder and hold no record of their own.
import type { PlannedEntry } from './planEntries.ts';
import { readRecord, writeRecord } from './store/studentStore.ts';
import type { StudentRecord } from './types.ts';

export type CollisionPlan = Extract<PlannedEntry, { kind: 'id-collision' }>;

export async function recordCollision(outDir: string, plan: CollisionPlan, now: Date = new Date()): Promise<void> {
  const first = plan.entries[0];
  const recordFor = (id: string): StudentRecord => ({
    recordVersion: 1,
    id,
    entry: { name: first.name, kind: first.kind },
    status: 'id-collision',
    message: plan.message,
    // no key: --resume never takes a collision for a grading
    key: null,
    commit: null,
    late: { kind: 'unknown', reason: 'not graded' },
    finishedAt: now.toISOString(),
  });
  await writeRecord(outDir, recordFor(plan.id));
  for (const id of plan.otherIds) {
    if (await readRecord(outDir, id)) await writeRecord(outDir, recordFor(id));
  }
}
