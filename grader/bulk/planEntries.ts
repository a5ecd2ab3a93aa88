// Which entries this run grades, under which ids: the shard's share, and a
// unique id for each (a second entry with an id already taken, like
// `alice.zip` beside `alice/`, is kept under its full name and reported).
import { inShard, type Shard } from './shard.ts';
import { studentId } from './studentId.ts';
import type { BulkEntry } from './types.ts';

export interface PlannedEntry {
  entry: BulkEntry;
  /** the entry whose id this one collided with */
  duplicateOf: BulkEntry | null;
}

export function planEntries(entries: readonly BulkEntry[], shard: Shard | null): PlannedEntry[] {
  const owners = new Map<string, BulkEntry>();
  const taken = new Set<string>();
  const planned: PlannedEntry[] = [];
  for (const entry of entries) {
    const owner = owners.get(entry.id);
    let planEntry = entry;
    if (owner) {
      let id = studentId(entry.name, false);
      for (let n = 2; taken.has(id); n++) id = `${studentId(entry.name, false)}-${n}`;
      planEntry = { ...entry, id };
    } else {
      owners.set(entry.id, entry);
    }
    taken.add(planEntry.id);
    // shard by the id the entry was found under, so duplicates land with their original
    if (inShard(entry.id, shard)) planned.push({ entry: planEntry, duplicateOf: owner ?? null });
  }
  return planned;
}
