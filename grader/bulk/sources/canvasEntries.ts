// Canvas's "Download Submissions" as entries: loose files named
// `name_[LATE_]userid_attachmentid_originalname` (intake/platform/
// canvasFileName.ts), grouped into one entry per Canvas user id. Each file
// is graded under its original name; of `activations.ts` and
// `activations-1.ts` (a resubmission) only the highest version is kept. A zip
// among them is unpacked with the student's files. Anything that is not
// Canvas-named stays an entry of its own, as in a plain class folder.
import path from 'node:path';
import { parseCanvasFileName, type CanvasFileName } from '../../intake/platform/canvasFileName.ts';
import { studentId } from '../studentId.ts';
import { type BulkEntry, unknownIdentity } from '../types.ts';

export interface ListedItem {
  name: string;
  path: string;
  kind: BulkEntry['kind'];
}

/** One entry per Canvas user, then the items that are not Canvas-named (with `plainEntry`). */
export function canvasEntries(items: readonly ListedItem[], plainEntry: (item: ListedItem) => BulkEntry): BulkEntry[] {
  const byUser = new Map<string, { parsed: CanvasFileName; item: ListedItem }[]>();
  const others: BulkEntry[] = [];
  for (const item of items) {
    const parsed = item.kind === 'folder' || item.kind === 'git' ? null : parseCanvasFileName(item.name);
    if (!parsed) {
      others.push(plainEntry(item));
      continue;
    }
    byUser.set(parsed.userId, [...(byUser.get(parsed.userId) ?? []), { parsed, item }]);
  }
  // the slug is the readable id; two users with one slug (two Ada Lovelaces) get their user id added
  const slugUsers = new Map<string, Set<string>>();
  for (const [userId, files] of byUser) {
    const slug = files[0].parsed.slug;
    slugUsers.set(slug, (slugUsers.get(slug) ?? new Set()).add(userId));
  }
  const entries: BulkEntry[] = [];
  for (const [userId, files] of byUser) {
    const slug = files[0].parsed.slug;
    const id = studentId(slugUsers.get(slug)!.size > 1 ? `${slug}-${userId}` : slug, false);
    const latest = new Map<string, { parsed: CanvasFileName; item: ListedItem }>();
    for (const file of files) {
      const key = file.parsed.originalName.toLowerCase();
      const kept = latest.get(key);
      if (
        !kept ||
        file.parsed.version > kept.parsed.version ||
        (file.parsed.version === kept.parsed.version && file.parsed.attachmentId > kept.parsed.attachmentId)
      )
        latest.set(key, file);
    }
    const chosen = [...latest.values()].sort((a, b) => (a.parsed.originalName < b.parsed.originalName ? -1 : 1));
    entries.push({
      id,
      name: `${slug}_${userId} (${chosen.length} file${chosen.length === 1 ? '' : 's'} from Canvas)`,
      path: path.dirname(files[0].item.path),
      kind: 'files',
      files: chosen.map((f) => ({ path: f.item.path, name: f.parsed.originalName })),
      identity: { ...unknownIdentity('canvas'), canvasId: userId, platformLate: files.some((f) => f.parsed.late) },
    });
  }
  return [...entries, ...others].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
