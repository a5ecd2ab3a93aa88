// What instructors download, graded end to end: a Gradescope export zip
// (with a group submission) and a Canvas download (loose files, a
// resubmission, LATE, a zip inside a zip), both joined to a roster, with the
// gradebook and canvas.csv checked. The class folders are built the way the
// platforms build them (testing/platformExports.ts names the sources) from
// the fixture corpus.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readRoster } from '../intake/platform/readRoster.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import type { GradebookJson } from './gradebook/writeGradebook.ts';
import { runBulk } from './runBulk.ts';
import { buildCanvasDownload, buildGradescopeExport, corpusFiles } from './testing/platformExports.ts';
import { zipBuffer, zipItemsOf } from './zip/writeZip.ts';

const roster = readRoster(
  [
    'id,name,email,canvas_id,github_login,gradescope_sid',
    's1001,Ada Lovelace,ada@example.edu,12345,adal,1001',
    's1002,Charles Babbage,cb@example.edu,12346,cbab,1002',
    's1003,Grace Hopper,gh@example.edu,12347,ghop,1003',
    's1005,Emmy Noether,en@example.edu,12349,enoe,1005',
  ].join('\n'),
);

let root: string;
let manifest: Manifest;
let correct: Map<string, string>;
let buggy: Map<string, string>;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-platforms-'));
  manifest = await loadTestManifest();
  correct = await corpusFiles('passes-all-loops');
  buggy = await corpusFiles('fails-relu-grad-at-zero');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const grade = (submissionsDir: string, outDir: string, canvasAssignmentId: string | null) =>
  runBulk({
    submissionsDir,
    outDir,
    manifest,
    roster,
    canvasAssignmentId,
    workers: 1,
    resume: false,
    shard: null,
    formats: ['canvas'],
    deadline: new Date('2026-03-01T23:59:00Z'),
    late: 'last',
    progress: null,
  });
const gradebook = async (outDir: string) => {
  const json = JSON.parse(await readFile(path.join(outDir, 'gradebook.json'), 'utf8')) as GradebookJson;
  return Object.fromEntries(json.rows.map((r) => [r.student, r]));
};

describe("Gradescope's export zip with a roster", () => {
  test('each member of a group gets its grade, the yml is no student, an unknown sid is listed, a missing student scores 0', async () => {
    const dir = path.join(root, 'gradescope');
    await mkdir(dir);
    await buildGradescopeExport({ zipPath: path.join(dir, 'assignment_8046601_export.zip') }, [
      { submissionId: 100001, submitters: [{ name: 'Ada Lovelace', sid: '1001', email: 'ada@example.edu' }], files: correct },
      {
        submissionId: 100002,
        submitters: [
          { name: 'Charles Babbage', sid: '1002', email: 'cb@example.edu' },
          { name: 'Grace Hopper', sid: '1003', email: 'gh@example.edu' },
        ],
        files: buggy,
        createdAt: '2026-03-03 10:00:00.000000000 -08:00',
      },
      { submissionId: 100003, submitters: [{ name: 'Alan Turing', sid: '1099', email: 'at@example.edu' }], files: correct },
    ]);
    const out = path.join(root, 'gradescope-out');
    const summary = await grade(dir, out, '4242');
    expect(summary).toMatchObject({ source: 'gradescope', students: 3, graded: 3, missing: ['s1005'] });
    expect(summary.unmatched).toEqual([{ id: '1099', entry: 'submission_100003', lookedUpBy: 'Gradescope sid 1099, email at@example.edu' }]);

    const rows = await gradebook(out);
    expect(Object.keys(rows).sort()).toEqual(['1099', 's1001', 's1002', 's1003', 's1005']);
    expect(rows.s1001).toMatchObject({ score: 100, status: 'graded' });
    expect(rows.s1002.score).toBeLessThan(100);
    expect(rows.s1003).toMatchObject({ score: rows.s1002.score, status: 'graded', gradedAs: 's1002', identity: { name: 'Grace Hopper' } });
    // Gradescope's created_at is a submission time the late policy can judge
    expect(rows.s1002.late).toMatchObject({ kind: 'late', daysLate: 2 });
    expect(rows.s1005).toMatchObject({ score: 0, status: 'missing' });
    // the entry no roster row matched is in its record, so the summary lists it (also after a merge)
    expect(rows['1099'].notOnRoster).toEqual({ entry: 'submission_100003', lookedUpBy: 'Gradescope sid 1099, email at@example.edu' });
    expect(rows.s1001.notOnRoster).toBeNull();
    const html = await readFile(path.join(out, 'summary.html'), 'utf8');
    expect(html).toMatch(
      /Entries not on the roster[\s\S]*<a href="1099\/report.html">1099<\/a>: submission_100003 \(looked up by Gradescope sid 1099, email at@example.edu\)/,
    );

    const canvas = (await readFile(path.join(out, 'canvas.csv'), 'utf8')).split('\r\n');
    expect(canvas[0]).toBe(
      `Student,ID,SIS User ID,SIS Login ID,Section,${manifest.title.includes(',') ? `"${manifest.title} (4242)"` : `${manifest.title} (4242)`}`,
    );
    expect(canvas).toContain('"Lovelace, Ada",12345,,,,100');
    expect(canvas).toContain(`"Hopper, Grace",12347,,,,${rows.s1002.score}`);
    expect(canvas).toContain('"Noether, Emmy",12349,,,,0');
  });
});

describe('a Canvas download with a roster', () => {
  test('grouped by student: the latest resubmission is graded, LATE is recorded, a zipped zip is unpacked', async () => {
    const dir = path.join(root, 'canvas');
    const names = await buildCanvasDownload(dir, [
      { slug: 'lovelaceada', userId: 12345, files: correct },
      // the first upload does not compile; the resubmission (-1) is what counts
      { slug: 'babbagecharles', userId: 12346, files: correct, late: true, resubmitted: new Map([['activations.ts', ['export const broken = ;\n']]]) },
    ]);
    // Grace zipped the zip of her folder
    const inner = zipBuffer(zipItemsOf(buggy, 'relu-main/'));
    await writeFile(path.join(dir, 'hoppergrace_12347_800001_relu.zip'), zipBuffer([{ name: 'relu-main.zip', data: inner }]));
    expect(names).toHaveLength(correct.size * 2 + 1);

    const out = path.join(root, 'canvas-out');
    const summary = await grade(dir, out, null);
    expect(summary).toMatchObject({ source: 'canvas', students: 3, graded: 3, unmatched: [], missing: ['s1005'] });
    const rows = await gradebook(out);
    expect(rows.s1001).toMatchObject({ score: 100, identity: { canvasId: '12345', platformLate: false } });
    expect(rows.s1002).toMatchObject({ score: 100, identity: { canvasId: '12346', platformLate: true } });
    expect(rows.s1003.score).toBeLessThan(100);
    expect(rows.s1003.score).toBeGreaterThan(50);
    const csv = await readFile(path.join(out, 'gradebook.csv'), 'utf8');
    expect(csv).toContain('late (per Canvas; no submission time, no penalty applied)');
    // without --canvas-assignment the column is the title: Canvas makes a new assignment of it
    expect((await readFile(path.join(out, 'canvas.csv'), 'utf8')).split('\r\n')[0]).not.toMatch(/\(\d+\)"?$/);
  });
});
