// A group submission (Gradescope lists every member under :submitters:) is
// graded once, under its first member's id; each other member gets a folder
// of their own with a copy of its results and reports and a record saying
// whose submission was graded (`gradedAs`). So every member has a gradebook
// row with the group's grade, and every export (rebuilt from the folders)
// has them too, also after `merge`.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { RESULTS_FILE, studentDir, writeRecord } from './store/studentStore.ts';
import type { GroupMember, StudentRecord } from './types.ts';

const SHARED_FILES = [RESULTS_FILE, 'report.html', 'report.md'];

export async function shareWithMembers(
  outDir: string,
  record: StudentRecord,
  members: readonly GroupMember[],
  /** members no roster row matched, by id */
  notOnRoster: ReadonlyMap<string, StudentRecord['notOnRoster']> = new Map(),
): Promise<void> {
  for (const member of members) {
    if (member.id === record.id) continue;
    const from = studentDir(outDir, record.id);
    const to = studentDir(outDir, member.id);
    await rm(to, { recursive: true, force: true });
    await mkdir(to, { recursive: true });
    for (const file of SHARED_FILES) await copyFile(path.join(from, file), path.join(to, file)).catch(() => undefined);
    const { notOnRoster: _group, ...shared } = record;
    const unmatched = notOnRoster.get(member.id);
    await writeRecord(outDir, { ...shared, id: member.id, identity: member.identity, gradedAs: record.id, ...(unmatched ? { notOnRoster: unmatched } : {}) });
  }
}
