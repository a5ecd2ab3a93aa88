// Gradescope's "Export Submissions" as entries: one per submission folder
// that `submission_metadata.yml` (intake/platform/gradescopeMetadata.ts)
// names. The first submitter's id names the entry; the other members of a
// group submission are its `members`, each given the group's grade. The yml
// itself is never a student, and a folder the yml does not name is graded
// under its folder name (and listed as unknown).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { GradescopeSubmitter, GradescopeSubmission } from '../../intake/platform/gradescopeMetadata.ts';
import { studentId } from '../studentId.ts';
import { type BulkEntry, type StudentIdentity, unknownIdentity } from '../types.ts';
import type { ListedItem } from './canvasEntries.ts';

/** The id a submitter is known by without a roster: their Gradescope sid, else their email's local part, else their name. */
export function submitterId(s: GradescopeSubmitter, fallback: string): string {
  const raw = s.sid ?? s.email?.split('@')[0] ?? s.name ?? fallback;
  return studentId(raw, false);
}

export async function gradescopeEntries(
  root: string,
  submissions: readonly GradescopeSubmission[],
  items: readonly ListedItem[],
  plainEntry: (item: ListedItem) => BulkEntry,
): Promise<{ entries: BulkEntry[]; problems: string[] }> {
  const problems: string[] = [];
  const entries: BulkEntry[] = [];
  const named = new Set<string>();
  for (const submission of submissions) {
    named.add(submission.folder);
    const folder = path.join(root, submission.folder);
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) {
      problems.push(`submission_metadata.yml names ${submission.folder}, which the export does not hold`);
      continue;
    }
    const identityOf = (s: GradescopeSubmitter): StudentIdentity => ({
      ...unknownIdentity('gradescope'),
      name: s.name,
      email: s.email,
      gradescopeSid: s.sid,
      submittedAt: submission.createdAt,
    });
    const [first, ...others] = submission.submitters;
    const identity = first ? identityOf(first) : { ...unknownIdentity('gradescope'), submittedAt: submission.createdAt };
    entries.push({
      id: first ? submitterId(first, submission.folder) : studentId(submission.folder, false),
      name: submission.folder,
      path: folder,
      kind: 'folder',
      identity,
      members: others.map((s) => ({ id: submitterId(s, submission.folder), identity: identityOf(s) })),
    });
  }
  for (const item of items) {
    if (named.has(item.name)) continue;
    problems.push(`${item.name} is not named in submission_metadata.yml; it is graded under its own name`);
    entries.push(plainEntry(item));
  }
  return { entries: entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), problems };
}
