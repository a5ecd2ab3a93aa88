// Joins every entry of the class folder (and every member of a group
// submission) to a row of the roster (intake/platform/readRoster.ts), by
// what its platform knows of the student, in this order: Canvas user id,
// GitHub login, Gradescope sid, email; an entry of plain folders by its id
// (as the roster's id, GitHub login or email's local part). A joined entry
// takes the roster's id, so every platform's submission of one student lands
// in one row; two entries joined to one row are an id collision (planEntries)
// and neither is graded. What is left over is reported: entries no row
// matched (graded under the id their platform gave them) and rows with no
// entry (missing: a row scored 0).
import type { RosterRow } from '../../intake/platform/readRoster.ts';
import { studentId } from '../studentId.ts';
import type { BulkEntry, GroupMember, StudentIdentity } from '../types.ts';
import { unknownIdentity } from '../types.ts';

export interface Unmatched {
  /** the id it is graded under */
  id: string;
  /** the entry's name in the class folder */
  entry: string;
  /** what it was looked up by, in words */
  lookedUpBy: string;
}

export interface Joined {
  entries: BulkEntry[];
  unmatched: Unmatched[];
  /** roster rows no entry or group member belongs to */
  missing: RosterRow[];
}

export function joinRoster(entries: readonly BulkEntry[], roster: readonly RosterRow[] | null): Joined {
  if (!roster) return { entries: [...entries], unmatched: [], missing: [] };
  const index = new RosterIndex(roster);
  const used = new Set<RosterRow>();
  const unmatched: Unmatched[] = [];
  const join = (id: string, identity: StudentIdentity, entry: string): { id: string; identity: StudentIdentity } => {
    const row = index.find(id, identity);
    if (!row) {
      unmatched.push({ id, entry, lookedUpBy: lookedUpBy(id, identity) });
      return { id, identity };
    }
    used.add(row);
    return { id: studentId(row.id, false), identity: withRow(identity, row) };
  };
  const joined = entries.map((entry): BulkEntry => {
    const self = join(entry.id, entry.identity ?? unknownIdentity('folders'), entry.name);
    const members = entry.members?.map((m): GroupMember => join(m.id, m.identity, `${entry.name} (group member)`));
    return { ...entry, id: self.id, identity: self.identity, ...(members ? { members } : {}) };
  });
  return { entries: joined, unmatched, missing: roster.filter((row) => !used.has(row)) };
}

/** A missing student's identity, from their roster row. */
export function rosterIdentity(row: RosterRow): StudentIdentity {
  return withRow(unknownIdentity('folders'), row);
}

function withRow(identity: StudentIdentity, row: RosterRow): StudentIdentity {
  return {
    ...identity,
    rosterId: row.id,
    name: row.name ?? identity.name,
    email: row.email ?? identity.email,
    canvasId: row.canvasId ?? identity.canvasId,
    githubLogin: row.githubLogin ?? identity.githubLogin,
    gradescopeSid: row.gradescopeSid ?? identity.gradescopeSid,
    sisUserId: row.sisUserId,
    sisLoginId: row.sisLoginId,
    section: row.section,
  };
}

function lookedUpBy(id: string, identity: StudentIdentity): string {
  const keys = [
    identity.canvasId && `Canvas user id ${identity.canvasId}`,
    identity.githubLogin && `GitHub login ${identity.githubLogin}`,
    identity.gradescopeSid && `Gradescope sid ${identity.gradescopeSid}`,
    identity.email && `email ${identity.email}`,
  ].filter(Boolean);
  return keys.length > 0 ? keys.join(', ') : `id ${id}`;
}

class RosterIndex {
  private readonly maps = {
    canvasId: new Map<string, RosterRow>(),
    githubLogin: new Map<string, RosterRow>(),
    gradescopeSid: new Map<string, RosterRow>(),
    email: new Map<string, RosterRow>(),
    id: new Map<string, RosterRow>(),
    emailLocal: new Map<string, RosterRow>(),
  };

  constructor(rows: readonly RosterRow[]) {
    for (const row of rows) {
      const put = (map: Map<string, RosterRow>, key: string | null) => key !== null && !map.has(norm(key)) && map.set(norm(key), row);
      put(this.maps.canvasId, row.canvasId);
      put(this.maps.githubLogin, row.githubLogin);
      put(this.maps.gradescopeSid, row.gradescopeSid);
      put(this.maps.email, row.email);
      put(this.maps.id, row.id);
      put(this.maps.id, studentId(row.id, false));
      put(this.maps.emailLocal, row.email?.split('@')[0] ?? null);
    }
  }

  find(id: string, identity: StudentIdentity): RosterRow | null {
    const by = (map: Map<string, RosterRow>, key: string | null) => (key === null ? undefined : map.get(norm(key)));
    const platform =
      by(this.maps.canvasId, identity.canvasId) ??
      by(this.maps.githubLogin, identity.githubLogin) ??
      by(this.maps.gradescopeSid, identity.gradescopeSid) ??
      by(this.maps.email, identity.email);
    if (platform) return platform;
    // a platform's id that the roster does not know is not guessed at from the name
    if (identity.canvasId || identity.gradescopeSid || identity.githubLogin) return null;
    return by(this.maps.id, id) ?? by(this.maps.githubLogin, id) ?? by(this.maps.emailLocal, id) ?? null;
  }
}

const norm = (key: string) => key.trim().toLowerCase();
