import { describe, expect, test } from 'vitest';
import { readRoster } from '../../intake/platform/readRoster.ts';
import { type BulkEntry, type StudentIdentity, unknownIdentity } from '../types.ts';
import { joinRoster } from './joinRoster.ts';

const roster = readRoster(
  [
    'id,name,email,canvas_id,github_login,gradescope_sid,section',
    's1001,Ada Lovelace,ada@example.edu,12345,adal,1001,A',
    's1002,Charles Babbage,cb@example.edu,12346,cbab,1002,A',
    's1003,Grace Hopper,gh@example.edu,,ghop,1003,B',
    's1004,Alan Turing,at@example.edu,,aturing,,B',
    's1005,Emmy Noether,en@example.edu,12349,enoe,1005,B',
  ].join('\n'),
);

const entry = (id: string, identity: Partial<StudentIdentity>, extra: Partial<BulkEntry> = {}): BulkEntry => ({
  id,
  name: `${id}-entry`,
  path: `/class/${id}`,
  kind: 'folder',
  identity: { ...unknownIdentity(identity.source ?? 'folders'), ...identity },
  ...extra,
});

describe('joinRoster', () => {
  test("joins each platform's id to one roster row, which gives the id, name and Canvas id", () => {
    const joined = joinRoster(
      [
        entry('lovelaceada', { source: 'canvas', canvasId: '12345', platformLate: true }),
        entry(
          '1002',
          { source: 'gradescope', gradescopeSid: '1002' },
          { members: [{ id: '1003', identity: { ...unknownIdentity('gradescope'), gradescopeSid: '1003' } }] },
        ),
        entry('aturing', { source: 'classroom', githubLogin: 'ATuring' }),
      ],
      roster,
    );
    expect(joined.entries.map((e) => e.id)).toEqual(['s1001', 's1002', 's1004']);
    expect(joined.entries[0].identity).toMatchObject({
      rosterId: 's1001',
      name: 'Ada Lovelace',
      canvasId: '12345',
      platformLate: true,
      section: 'A',
      source: 'canvas',
    });
    expect(joined.entries[1].members).toEqual([{ id: 's1003', identity: expect.objectContaining({ rosterId: 's1003', name: 'Grace Hopper' }) }]);
    expect(joined.unmatched).toEqual([]);
    expect(joined.missing.map((r) => r.id)).toEqual(['s1005']);
  });

  test('by email when the platform has no id the roster knows, and a plain folder by its name', () => {
    const joined = joinRoster([entry('x', { source: 'gradescope', email: 'EN@example.edu' }), entry('s1001', {}), entry('ghop', {}), entry('at', {})], roster);
    expect(joined.entries.map((e) => e.id)).toEqual(['s1005', 's1001', 's1003', 's1004']);
  });

  test('an entry no row matches keeps its id and is listed with what it was looked up by', () => {
    const joined = joinRoster([entry('turingalan', { source: 'canvas', canvasId: '99999' })], roster);
    expect(joined.entries[0]).toMatchObject({ id: 'turingalan', identity: { rosterId: null, canvasId: '99999' } });
    expect(joined.unmatched).toEqual([{ id: 'turingalan', entry: 'turingalan-entry', lookedUpBy: 'Canvas user id 99999' }]);
    expect(joined.missing).toHaveLength(5);
  });

  test("a platform id the roster does not know is not guessed from the entry's name", () => {
    // the Canvas slug happens to equal a roster id, but the Canvas user id is someone else's
    const joined = joinRoster([entry('s1002', { source: 'canvas', canvasId: '424242' })], roster);
    expect(joined.unmatched).toHaveLength(1);
  });

  test('two entries joined to one row share its id, so planEntries grades neither (an id collision)', () => {
    const joined = joinRoster([entry('a', { canvasId: '12345', source: 'canvas' }), entry('b', { gradescopeSid: '1001', source: 'gradescope' })], roster);
    expect(joined.entries.map((e) => e.id)).toEqual(['s1001', 's1001']);
  });

  test('without a roster nothing changes', () => {
    const entries = [entry('a', {})];
    expect(joinRoster(entries, null)).toEqual({ entries, unmatched: [], missing: [] });
  });
});
