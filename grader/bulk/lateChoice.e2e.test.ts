// --late best|last|on-time, end to end: real git repositories with dated
// commits, graded by relu-lab bulk under the sample class's manifest
// (deadline 2026-03-01T23:59Z, 10 % off per started day). Three students:
// correct on time and broken a day late; stubs on time and correct a day
// late; correct on time with nothing after. Then --resume grades nothing
// again, and every relative link of every report in the output folders
// (hints and the footer link into the student guide) finds its file.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignment } from '../course/assignment.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import type { GradebookJson } from './gradebook/writeGradebook.ts';
import { runBulk, type BulkSummary } from './runBulk.ts';
import { buildClass } from './sampleClass/buildClass.ts';
import type { GradebookRow, LateChoice } from './types.ts';

let root: string;
let manifest: Manifest;
const classDir = () => path.join(root, 'class');
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-late-choice-'));
  manifest = await loadManifest(path.join(PACKAGE_ROOT, 'examples/class-src/assignment.json'));
  const git = (id: string, commits: [string, string][]) => ({
    id,
    as: 'git' as const,
    commits: commits.map(([fixture, date]) => ({ fixture, date, message: fixture })),
  });
  await buildClass(
    classDir(),
    {
      students: [
        git('broke-after', [
          ['passes-all-loops', '2026-02-28T10:00:00Z'],
          ['fails-to-compile', '2026-03-02T10:00:00Z'],
        ]),
        git('fixed-late', [
          ['untouched-stubs', '2026-02-25T10:00:00Z'],
          ['passes-all-functional', '2026-03-02T10:00:00Z'],
        ]),
        git('on-time-only', [['passes-all-vectorised', '2026-02-28T10:00:00Z']]),
        { id: 'folder', as: 'folder', fixture: 'passes-all-loops' },
      ],
    },
    assignment,
  );
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const grade = (late: LateChoice, out: string, resume = false): Promise<BulkSummary> =>
  runBulk({
    submissionsDir: classDir(),
    outDir: path.join(root, out),
    manifest,
    workers: 1,
    resume,
    shard: null,
    formats: [],
    deadline: new Date(manifest.deadline!),
    late,
    progress: null,
  });

async function rows(out: string): Promise<Record<string, GradebookRow>> {
  const json = JSON.parse(await readFile(path.join(root, out, 'gradebook.json'), 'utf8')) as GradebookJson;
  return Object.fromEntries(json.rows.map((r) => [r.student, r]));
}

/** Every relative href and src of every report.html in the output folder, with whether its file exists. */
async function reportLinks(out: string): Promise<{ report: string; link: string; exists: boolean }[]> {
  const found = [];
  const dir = path.join(root, out);
  for (const id of await readdir(dir)) {
    const report = path.join(dir, id, 'report.html');
    const html = await readFile(report, 'utf8').catch(() => null);
    if (html === null) continue;
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = m[1].replaceAll('&amp;', '&');
      if (/^(?:#|[a-z][a-z0-9+.-]*:)/i.test(link)) continue;
      const file = path.resolve(path.dirname(report), decodeURIComponent(link.split('#')[0]));
      found.push({ report: `${id}/report.html`, link, exists: (await stat(file).catch(() => null))?.isFile() === true });
    }
  }
  return found;
}

describe('relu-lab bulk --late', () => {
  const score = (r: Record<string, GradebookRow>) => Object.fromEntries(Object.entries(r).map(([id, row]) => [id, row.score]));
  let best: Record<string, GradebookRow>;
  let summary: { onTime: Record<string, number>; last: Record<string, number>; best: Record<string, number> };

  test('on-time, last and best grade the states each names, and best keeps the better score after the late policy', async () => {
    const onTimeRun = await grade('on-time', 'on-time');
    expect(onTimeRun.problems.join('\n')).toMatch(/--late on-time has no effect on 1 entry with no commit/);
    await grade('last', 'last');
    const bestRun = await grade('best', 'best');
    expect(bestRun).toMatchObject({ graded: 4, errors: 0, notGraded: 0 });
    expect(bestRun.problems.join('\n')).toMatch(/--late best has no effect on 1 entry with no commit \(folders, zips, repositories without one\)/);
    summary = { onTime: score(await rows('on-time')), last: score(await rows('last')), best: score(await rows('best')) };
    best = await rows('best');
    expect(summary).toEqual({
      onTime: { 'broke-after': 100, 'fixed-late': 0, 'on-time-only': 100, folder: 100 },
      // fails-to-compile keeps the points of the files that still compile
      last: { 'broke-after': 27, 'fixed-late': 90, 'on-time-only': 100, folder: 100 },
      best: { 'broke-after': 100, 'fixed-late': 90, 'on-time-only': 100, folder: 100 },
    });

    // correct on time, broken a day late: best takes the work on time
    expect(summary.onTime['broke-after']).toBe(100);
    expect(summary.last['broke-after']).toBeLessThan(100);
    expect(best['broke-after']).toMatchObject({ score: 100, taken: 'on-time', dirty: false, passedOver: { taken: 'late' } });
    expect(best['broke-after'].passedOver!.score).toBe(summary.last['broke-after']);
    // stubs on time, correct a day late: best takes the late work at -10 %
    expect(summary.onTime['fixed-late']).toBe(0);
    expect(summary.last['fixed-late']).toBe(90);
    expect(best['fixed-late']).toMatchObject({
      score: 90,
      rawScore: 100,
      taken: 'late',
      late: { daysLate: 1, penaltyPercent: 10 },
      passedOver: { taken: 'on-time', score: 0 },
    });
    // nothing after the deadline: the same as on time, graded once
    expect(summary.onTime['on-time-only']).toBe(100);
    expect(best['on-time-only']).toMatchObject({ score: 100, taken: 'on-time', passedOver: null });
    // a folder has no commits: the same under every choice
    expect(best.folder).toMatchObject({ score: 100, taken: null, commit: null, dirty: null });

    // the student's folder holds the results of the state taken
    const results = JSON.parse(await readFile(path.join(root, 'best', 'fixed-late', 'results.json'), 'utf8'));
    expect(results.submission.git.commit).toBe(best['fixed-late'].commit);
    expect(results.score.earned).toBe(100);
    const csv = await readFile(path.join(root, 'best', 'gradebook.csv'), 'utf8');
    expect(csv).toMatch(/\nfixed-late,90,.*,late,1,10,no,[0-9a-f]{40},0\r\n/);
  }, 600_000);

  test('--resume grades neither state again, and keeps the choice', async () => {
    const again = await grade('best', 'best', true);
    expect(again).toMatchObject({ graded: 0, skipped: 4 });
    expect(score(await rows('best'))).toEqual(summary.best);
    expect((await rows('best'))['fixed-late'].passedOver).toEqual(best['fixed-late'].passedOver);
  }, 300_000);

  test("every relative link in a student's report.html finds its file: the guide is copied into the output folder", async () => {
    expect(await readFile(path.join(root, 'best', 'guide', 'README.md'), 'utf8')).toBe(await readFile(assignment.guidePath!, 'utf8'));
    for (const out of ['on-time', 'last', 'best']) {
      const links = await reportLinks(out);
      expect(links.length).toBeGreaterThanOrEqual(4);
      expect(links.filter((l) => !l.exists)).toEqual([]);
    }
    // the stubs' report has hints into the guide's lessons
    expect((await reportLinks('on-time')).some((l) => l.report === 'fixed-late/report.html' && l.link.startsWith('../guide/README.md#'))).toBe(true);
  });
});
