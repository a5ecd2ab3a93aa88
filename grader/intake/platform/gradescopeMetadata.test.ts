// Gradescope's "Export Submissions" writes `submission_metadata.yml` beside a
// folder per submission, keyed by Ruby symbols. The shape is taken from the
// public code that reads real exports: otter-grader's GradescopeParser
// (ucbds-infra/otter-grader, otter/grade/metadata.py:
// `metadata[folder][":submitters"]`, each submitter's `":name"`),
// rhattark/SER594 hw2/hw2q3_Hattarki.py (`:submitters` with `:name` and
// `:sid`, `:created_at`, `:score`, `:history`, `:results`), and a public test
// fixture of an export (folders under `assignment_8046601_export/`, a group
// submission listing two submitters, `:sid:` quoted as a string, `:email:`).
// The fixture below is written by the same helper that builds the export
// zips of the bulk tests (bulk/testing/platformExports.ts).
import { describe, expect, test } from 'vitest';
import { gradescopeMetadataYaml } from '../../bulk/testing/platformExports.ts';
import { readGradescopeMetadata } from './gradescopeMetadata.ts';

const group = gradescopeMetadataYaml([
  { submissionId: 100001, submitters: [{ name: 'Ada Lovelace', sid: '1001', email: 'ada@example.edu' }], files: new Map(), score: 12 },
  {
    submissionId: 100002,
    submitters: [
      { name: 'Charles Babbage', sid: '1002', email: 'cb@example.edu' },
      { name: 'Grace Hopper', sid: '1003', email: 'gh@example.edu' },
    ],
    files: new Map(),
    createdAt: '2026-03-03 10:00:00.123456000 -08:00',
  },
]);

describe('readGradescopeMetadata', () => {
  test("reads each folder's submitters (a group lists every member), its time and score", () => {
    const read = readGradescopeMetadata(group);
    expect(read).toEqual({
      kind: 'read',
      problems: [],
      submissions: [
        {
          folder: 'submission_100001',
          submitters: [{ name: 'Ada Lovelace', sid: '1001', email: 'ada@example.edu' }],
          createdAt: '2026-03-02T05:14:03.418Z',
          score: 12,
        },
        {
          folder: 'submission_100002',
          submitters: [
            { name: 'Charles Babbage', sid: '1002', email: 'cb@example.edu' },
            { name: 'Grace Hopper', sid: '1003', email: 'gh@example.edu' },
          ],
          createdAt: '2026-03-03T18:00:00.123Z',
          score: 0,
        },
      ],
    });
  });

  test('an unquoted numeric sid and keys without the Ruby colon are read too', () => {
    const read = readGradescopeMetadata('submission_1:\n  submitters:\n  - name: Ada\n    sid: 1001\n  created_at: 2026-03-01T10:00:00Z\n');
    expect(read).toMatchObject({
      kind: 'read',
      submissions: [{ submitters: [{ sid: '1001', name: 'Ada', email: null }], createdAt: '2026-03-01T10:00:00.000Z' }],
    });
  });

  test('untrusted: folder names that leave the export are ignored, controls are shown, long text is cut', () => {
    const yml = [
      '../../etc:',
      '  :submitters:',
      '  - :name: Mallory',
      'submission_2:',
      '  :submitters:',
      `  - :name: "Eve\\e]0;owned\\a${'x'.repeat(1000)}"`,
      "    :sid: '2'",
    ].join('\n');
    const read = readGradescopeMetadata(yml);
    if (read.kind !== 'read') throw new Error(read.reason);
    expect(read.submissions.map((s) => s.folder)).toEqual(['submission_2']);
    expect(read.problems[0]).toMatch(/not a folder name/);
    const name = read.submissions[0].submitters[0].name!;
    expect(name).not.toContain('\u001b');
    expect(name.length).toBeLessThanOrEqual(320);
  });

  test('a folder without submitters is kept (graded under its folder name) and said so', () => {
    const read = readGradescopeMetadata('submission_3:\n  :submitters: []\n');
    expect(read).toMatchObject({
      kind: 'read',
      submissions: [{ folder: 'submission_3', submitters: [] }],
      problems: [expect.stringMatching(/no :submitters:/)],
    });
  });

  test('what is not the metadata is invalid, with why: not YAML, not a mapping, an alias bomb', () => {
    expect(readGradescopeMetadata('a: [unclosed')).toMatchObject({ kind: 'invalid' });
    expect(readGradescopeMetadata('- a\n- b\n')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/not a mapping/) });
    // a "billion laughs": each alias list doubles nine-fold what the one before it expands to
    const letter = (i: number) => String.fromCharCode(97 + i);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${letter(i + 1)}: &${letter(i + 1)} [${Array(9)
            .fill(`*${letter(i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(readGradescopeMetadata(bomb)).toMatchObject({ kind: 'invalid' });
  });
});
