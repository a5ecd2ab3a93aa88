// The class folders here are built as each platform builds its download
// (bulk/testing/platformExports.ts says where each format is documented).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { discoverClass } from './discoverClass.ts';
import { buildCanvasDownload, buildClassroomClone, buildGradescopeExport, type GradescopeSubmissionSpec } from './testing/platformExports.ts';
import type { BulkEntry } from './types.ts';

const files = (tag: string) =>
  new Map([
    ['activations.ts', `export const who = '${tag}';\n`],
    ['forward.ts', 'export {};\n'],
    ['backprop.ts', 'export {};\n'],
  ]);

let root: string;
let workDir: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-discover-'));
  workDir = path.join(root, 'work');
  await mkdir(workDir);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const discover = (dir: string, from: Parameters<typeof discoverClass>[1]['from'] = null) =>
  discoverClass(dir, { from, workDir: path.join(workDir, path.basename(dir)) });
const byId = (entries: BulkEntry[]) => Object.fromEntries(entries.map((e) => [e.id, e]));

describe('a Canvas "Download Submissions" folder', () => {
  let dir: string;
  let written: string[];
  beforeAll(async () => {
    dir = path.join(root, 'canvas');
    written = await buildCanvasDownload(dir, [
      { slug: 'lovelaceada', userId: 12345, files: files('ada') },
      { slug: 'babbagecharles', userId: 12346, files: files('charles'), late: true, resubmitted: new Map([['activations.ts', ['old', 'older']]]) },
      { slug: 'hoppergrace', userId: 12347, files: files('grace'), zipName: 'submission.zip' },
      // two students whose names give one slug: told apart by their user ids
      { slug: 'smithjo', userId: 20001, files: files('jo1') },
      { slug: 'smithjo', userId: 20002, files: files('jo2') },
    ]);
    await writeFile(path.join(dir, 'notes.txt'), 'not Canvas-named');
  });

  test('its loose files are grouped into one entry per Canvas user, not one per file', async () => {
    const found = await discover(dir);
    expect(written).toHaveLength(3 + 5 + 1 + 3 + 3);
    expect(found.source).toBe('canvas');
    expect(found.entries.map((e) => e.id)).toEqual(['babbagecharles', 'hoppergrace', 'lovelaceada', 'notes', 'smithjo-20001', 'smithjo-20002']);
    const entries = byId(found.entries);
    expect(entries.lovelaceada).toMatchObject({ kind: 'files', identity: { source: 'canvas', canvasId: '12345', platformLate: false } });
    expect(entries.lovelaceada.files!.map((f) => f.name)).toEqual(['activations.ts', 'backprop.ts', 'forward.ts']);
    expect(entries.notes).toMatchObject({ kind: 'other', id: 'notes' });
  });

  test('LATE is recorded, and of a resubmitted file only the highest -N is kept, under its original name', async () => {
    const charles = byId((await discover(dir)).entries).babbagecharles;
    expect(charles.identity).toMatchObject({ canvasId: '12346', platformLate: true });
    const activations = charles.files!.filter((f) => f.name === 'activations.ts');
    expect(activations).toHaveLength(1);
    expect(path.basename(activations[0].path)).toMatch(/^babbagecharles_LATE_12346_\d+_activations-2\.ts$/);
  });

  test('a zip handed in on Canvas belongs to its student', async () => {
    const grace = byId((await discover(dir)).entries).hoppergrace;
    expect(grace.files).toEqual([{ path: expect.stringMatching(/hoppergrace_12347_\d+_submission\.zip$/), name: 'submission.zip' }]);
  });
});

describe("Gradescope's Export Submissions", () => {
  const submissions: GradescopeSubmissionSpec[] = [
    { submissionId: 100001, submitters: [{ name: 'Ada Lovelace', sid: '1001', email: 'ada@example.edu' }], files: files('ada') },
    {
      submissionId: 100002,
      submitters: [
        { name: 'Charles Babbage', sid: '1002', email: 'cb@example.edu' },
        { name: 'Grace Hopper', sid: '1003', email: 'gh@example.edu' },
      ],
      files: files('group'),
      createdAt: '2026-03-03 10:00:00.000000000 -08:00',
    },
  ];
  const expectGradescope = (found: Awaited<ReturnType<typeof discover>>) => {
    expect(found.source).toBe('gradescope');
    // the metadata is never a student
    expect(found.entries.map((e) => e.id)).toEqual(['1001', '1002']);
    const group = byId(found.entries)['1002'];
    expect(group).toMatchObject({
      name: 'submission_100002',
      kind: 'folder',
      identity: { source: 'gradescope', gradescopeSid: '1002', name: 'Charles Babbage', submittedAt: '2026-03-03T18:00:00.000Z' },
      members: [{ id: '1003', identity: { gradescopeSid: '1003', email: 'gh@example.edu' } }],
    });
  };

  test('the zip as downloaded, in a class folder of its own', async () => {
    const dir = path.join(root, 'gs-zip');
    await mkdir(dir);
    await buildGradescopeExport({ zipPath: path.join(dir, 'assignment_8046601_export.zip') }, submissions);
    expectGradescope(await discover(dir));
  });

  test('the zip itself as SUBMISSIONS', async () => {
    const zip = path.join(root, 'export.zip');
    await buildGradescopeExport({ zipPath: zip }, submissions);
    expectGradescope(await discover(zip));
  });

  test('the folder it unpacks to, with a folder the metadata does not name listed and graded under its name', async () => {
    const dir = path.join(root, 'gs-folder');
    await buildGradescopeExport({ dir }, submissions);
    await mkdir(path.join(dir, 'assignment_8046601_export', 'submission_999'));
    const found = await discover(dir);
    expect(found.entries.map((e) => e.id)).toEqual(['1001', '1002', 'submission_999']);
    expect(found.problems).toEqual([expect.stringMatching(/submission_999 is not named in submission_metadata.yml/)]);
  });

  test('--from gradescope without the metadata says what to pass', async () => {
    const dir = path.join(root, 'gs-none');
    await mkdir(path.join(dir, 'alice'), { recursive: true });
    const e = await discover(dir, 'gradescope').catch((error: unknown) => error);
    expect(isReluLabError(e, 'submission-missing')).toBe(true);
    expect((e as Error).message).toMatch(/holds no submission_metadata.yml/);
  });
});

describe('a GitHub Classroom clone', () => {
  test('each <assignment>-<login> repository is the student with that login', async () => {
    const dir = await buildClassroomClone(root, 'relu-lab', [
      { login: 'ada-l', files: files('ada') },
      { login: 'grace', files: files('grace') },
    ]);
    const found = await discover(dir);
    expect(found.source).toBe('classroom');
    expect(found.entries.map((e) => [e.id, e.kind, e.identity?.githubLogin])).toEqual([
      ['ada-l', 'git', 'ada-l'],
      ['grace', 'git', 'grace'],
    ]);
  });
});

describe('plain folders', () => {
  test('are read as before, one entry per folder, zip or repository, under its name', async () => {
    const dir = path.join(root, 'plain');
    await mkdir(path.join(dir, 'alice'), { recursive: true });
    await writeFile(path.join(dir, 'bob.zip'), '');
    const found = await discover(dir);
    expect(found.source).toBe('folders');
    expect(found.entries.map((e) => [e.id, e.kind])).toEqual([
      ['alice', 'folder'],
      ['bob', 'zip'],
    ]);
  });

  test('--from folders reads a Canvas download as one entry per file', async () => {
    expect((await discover(path.join(root, 'canvas'), 'folders')).entries).toHaveLength(16);
  });
});
