// Which entries this run grades, under which ids: the shard's share, and
// the entries whose ids collide.
//
// Two entries collide when their ids are equal ignoring case: `alice .zip`
// and `alice.zip` both become `alice`, and `alice/` and `Alice.zip` would
// share one output folder on a case-insensitive file system. Grading one of
// them as the student would be a guess (the first in sort order used to win,
// and the other was never graded), so neither is graded: the id gets one
// gradebook row with status `id-collision` that names every entry and says
// to rename one. Once renamed, the next run (with --resume too) grades them.
import { sanitiseText } from '../core/sanitiseText.ts';
import { inShard, type Shard } from './shard.ts';
import type { BulkEntry } from './types.ts';

export type PlannedEntry =
  /** the entry is the only one with its id: grade it */
  | { kind: 'grade'; entry: BulkEntry }
  /**
   * `entries` (two or more, by name) share `id` ignoring case. `id` is the
   * group's first id in sort order, where its row is written; `otherIds` are
   * the group's other spellings (`Alice` beside `alice`), whose folders a
   * case-sensitive file system may hold from an earlier run.
   */
  | { kind: 'id-collision'; id: string; otherIds: string[]; entries: BulkEntry[]; message: string };

/** The key under which ids collide: equal ignoring case. */
export const collisionKey = (id: string): string => id.toLowerCase();

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function planEntries(entries: readonly BulkEntry[], shard: Shard | null): PlannedEntry[] {
  const groups = new Map<string, BulkEntry[]>();
  for (const entry of entries) {
    const key = collisionKey(entry.id);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const planned: PlannedEntry[] = [];
  for (const group of groups.values()) {
    const ids = [...new Set(group.map((e) => e.id))].sort(byCode);
    // a group is sharded by its first id, so every entry of it is seen by the same shard
    if (!inShard(ids[0], shard)) continue;
    if (group.length === 1) {
      planned.push({ kind: 'grade', entry: group[0] });
      continue;
    }
    const sorted = [...group].sort((a, b) => byCode(a.name, b.name));
    planned.push({ kind: 'id-collision', id: ids[0], otherIds: ids.slice(1), entries: sorted, message: collisionMessage(ids, sorted) });
  }
  // in the order of the entries (groups by their first), as discoverEntries sorted them
  return planned;
}

function collisionMessage(ids: readonly string[], entries: readonly BulkEntry[]): string {
  const quoted = (name: string) => `"${sanitiseText(name, { singleLine: true })}"`;
  const names = entries.map((e) => quoted(e.name));
  const list = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const target =
    ids.length === 1
      ? `the student id "${ids[0]}"`
      : `the student ids ${ids.map((id) => `"${id}"`).join(', ')}, which differ only in case (one folder on a case-insensitive file system)`;
  return (
    `${entries.length} entries map to ${target}: ${list}. ${entries.length === 2 ? 'Neither' : 'None'} was graded, so no one is given another's grade. ` +
    `Rename all but one so each id is unique (an id is the entry's name without its extension, with anything but letters, digits, ".", "_" and "-" replaced, ignoring case), then run again.`
  );
}
