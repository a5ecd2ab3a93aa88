import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignment } from '../course/assignment.ts';
import { failedResults } from '../engine/failedResults.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import { sampleResults } from '../course/report/fixtures/sample-results.ts';
import { wellFormedProblems } from '../report/svg/wellFormed.testHelper.ts';
import type { ResultsDocument } from '../results/types.ts';
import { finalise } from './finalise.ts';
import { mergeOutputs } from './mergeOutputs.ts';
import { writeRecord } from './store/studentStore.ts';
import type { StudentRecord } from './types.ts';

let root: string;
let manifest: Manifest;
const key = { contentHash: 'a'.repeat(64), graderVersion: '0.1.0', manifestHash: 'b'.repeat(64), checksHash: 'c'.repeat(64), seed: 1, numRuns: 100 };
const record = (id: string, over: Partial<StudentRecord>): StudentRecord => ({
  recordVersion: 1,
  id,
  entry: { name: id, kind: 'folder' },
  status: 'graded',
  message: null,
  key,
  commit: null,
  late: { kind: 'unknown', reason: 'no deadline was set' },
  finishedAt: '2026-03-01T00:00:00.000Z',
  ...over,
});

async function student(out: string, rec: StudentRecord, doc: ResultsDocument | null): Promise<void> {
  await writeRecord(out, rec);
  if (doc) await writeFile(path.join(out, rec.id, 'results.json'), JSON.stringify({ ...doc, submission: { ...doc.submission, name: rec.id } }));
}

/** A class of four: graded (and late), a grading error, an entry not graded, and a record whose results went missing. */
async function makeClass(out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  const late = {
    kind: 'late',
    submittedAt: '2026-03-02T00:00:00.000Z',
    deadline: '2026-03-01T00:00:00.000Z',
    daysLate: 1,
    penaltyPercent: 10,
    accepted: true,
    policy: '10 % a day',
  } as const;
  await student(
    out,
    record('ann', {
      late,
      commit: { commit: 'c0ffee', author: 'Ann', email: 'a@x', authorDate: '', committedAt: '', atDeadline: false, branch: 'main', dirty: false },
    }),
    sampleResults,
  );
  const crashed = await failedResults(
    manifest,
    assignment,
    sampleResults.submission,
    { kind: 'grader-error', code: 'grader-failed', message: 'the worker died' },
    0,
  );
  await student(out, record('bo', { status: 'grader-error', message: 'the worker died' }), crashed);
  await student(out, record('cy', { status: 'unrecognised', message: 'cy.txt is not a folder', key: null }), null);
  await student(out, record('dee', {}), null);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-finalise-'));
  manifest = await loadTestManifest();
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('finalise', () => {
  test('rebuilds the gradebook, the summary and every export from the files on disk', async () => {
    const out = path.join(root, 'class');
    await makeClass(out);
    const { rows } = await finalise(out, manifest, ['gradescope', 'prairielearn', 'classroom', 'canvas'], new Date('2026-03-05T00:00:00Z'));
    expect(rows.map((r) => [r.student, r.status])).toEqual([
      ['ann', 'graded'],
      ['bo', 'grader-error'],
      ['cy', 'unrecognised'],
      ['dee', 'grader-error'],
    ]);
    const csv = (await readFile(path.join(out, 'gradebook.csv'), 'utf8')).split('\r\n');
    expect(csv[0]).toBe(
      `student,score,max,${manifest.tasks.map((t) => t.id).join(',')},status,late,commit,raw_score,message,name,email,canvas_id,github_login,gradescope_sid,graded_as,taken,days_late,penalty_percent,dirty,passed_over_commit,passed_over_score`,
    );
    const ann = Math.round(sampleResults.score.earned * 0.9 * 1e4) / 1e4;
    expect(csv[1]).toMatch(
      new RegExp(`^ann,${ann},${sampleResults.score.possible},.*,graded,"1 day late, -10 %",c0ffee,${sampleResults.score.earned},,,,,,,,late,1,10,no,,$`),
    );
    expect(csv[4]).toContain('results.json is missing or invalid');
    const json = JSON.parse(await readFile(path.join(out, 'gradebook.json'), 'utf8'));
    expect(json.rows).toHaveLength(4);

    const html = await readFile(path.join(out, 'summary.html'), 'utf8');
    for (const text of ['Where points were lost', 'Most failed tests', 'the worker died', 'cy.txt is not a folder', 'href="ann/report.html"'])
      expect(html).toContain(text);
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(3);
    for (const svg of svgs) expect(wellFormedProblems(svg)).toEqual([]);

    expect((await readdir(path.join(out, 'cy'))).sort()).toEqual(['classroom', 'gradescope', 'prairielearn', 'student.json']);
    expect(JSON.parse(await readFile(path.join(out, 'cy/gradescope/results.json'), 'utf8'))).toMatchObject({
      score: 0,
      output: expect.stringContaining('cy.txt is not a folder'),
    });
    expect(JSON.parse(await readFile(path.join(out, 'bo/prairielearn/results.json'), 'utf8'))).toMatchObject({ gradable: false });
    // ann is a day late at -10 %: Gradescope gets the gradebook's score, after the late policy
    expect(JSON.parse(await readFile(path.join(out, 'ann/gradescope/results.json'), 'utf8'))).toMatchObject({ score: ann });
    const classroom = JSON.parse(Buffer.from(await readFile(path.join(out, 'ann/classroom/result.b64'), 'utf8'), 'base64').toString());
    expect(classroom.max_score).toBe(sampleResults.score.possible);
    expect(await readFile(path.join(out, 'canvas.csv'), 'utf8')).toContain(`ann,,,ann,,${ann}\r\n`);
  });

  test('merge combines shard outputs into the same gradebook; a student in two keeps the later grading', async () => {
    const whole = path.join(root, 'whole');
    await makeClass(whole);
    const [one, two] = [path.join(root, 'shard-1'), path.join(root, 'shard-2')];
    await makeClass(one);
    await makeClass(two);
    for (const id of ['ann', 'bo']) await rm(path.join(two, id), { recursive: true });
    for (const id of ['cy', 'dee']) await rm(path.join(one, id), { recursive: true });
    await student(two, record('bo', { finishedAt: '2026-03-09T00:00:00.000Z' }), sampleResults);
    await mkdir(path.join(two, 'guide'));
    await writeFile(path.join(two, 'guide', 'README.md'), '# The guide\n');
    const merged = await mergeOutputs([one, two], path.join(root, 'merged'), manifest, []);
    expect(await readFile(path.join(root, 'merged', 'guide', 'README.md'), 'utf8')).toBe('# The guide\n');
    expect(merged.conflicts).toEqual([{ id: 'bo', kept: two }]);
    const rows = JSON.parse(await readFile(path.join(root, 'merged', 'gradebook.json'), 'utf8')).rows;
    expect(rows.map((r: { student: string; status: string }) => [r.student, r.status])).toEqual([
      ['ann', 'graded'],
      ['bo', 'graded'],
      ['cy', 'unrecognised'],
      ['dee', 'grader-error'],
    ]);
  });
});

describe('--late best, dirty work trees and the roster', () => {
  test('the gradebook, the summary and the LMS files say which state was taken, how late, what the other scored, and what was dirty', async () => {
    const out = path.join(root, 'best');
    await mkdir(out, { recursive: true });
    const deadline = '2026-03-01T00:00:00.000Z';
    const commit = (id: string, dirty: boolean) => ({
      commit: id.repeat(40 / id.length),
      author: 'A',
      email: 'a@x',
      authorDate: '',
      committedAt: '',
      atDeadline: !dirty,
      branch: null,
      dirty,
    });
    const late = {
      kind: 'late',
      submittedAt: '2026-03-01T10:00:00.000Z',
      deadline,
      daysLate: 1,
      penaltyPercent: 10,
      accepted: true,
      policy: '10 % a day',
    } as const;
    const onTime = { kind: 'on-time', submittedAt: '2026-02-28T10:00:00.000Z', deadline, laterCommitsIgnored: 1 } as const;
    const passed = (taken: 'on-time' | 'late', earned: number) => ({
      taken,
      commit: commit(taken === 'late' ? 'bb' : 'aa', taken === 'late'),
      late: taken === 'late' ? late : onTime,
      key,
      status: 'graded' as const,
      earned,
      possible: sampleResults.score.possible,
    });
    // took the late work (the on-time state scored 0), graded with uncommitted changes
    await student(out, record('ann', { late, commit: commit('bb', true), passedOver: passed('on-time', 0) }), sampleResults);
    // kept the work on time over the late work's lower score
    await student(out, record('bo', { late: onTime, commit: commit('aa', false), passedOver: passed('late', 10) }), sampleResults);
    await student(out, record('cy', { notOnRoster: { entry: 'Cy <b>Lee</b>_123_456_cy.ts', lookedUpBy: 'Canvas user id 123' } }), sampleResults);
    await finalise(out, manifest, ['canvas'], new Date('2026-03-05T00:00:00Z'), { canvasAssignmentId: '4711' });
    const json = JSON.parse(await readFile(path.join(out, 'gradebook.json'), 'utf8'));
    expect(json.rows[0]).toMatchObject({
      student: 'ann',
      taken: 'late',
      dirty: true,
      passedOver: { taken: 'on-time', score: 0, commit: { commit: 'a'.repeat(40) } },
    });
    expect(json.rows[1]).toMatchObject({ student: 'bo', taken: 'on-time', dirty: false, passedOver: { taken: 'late', earned: 10, score: 9 } });
    expect(json.rows[2]).toMatchObject({ student: 'cy', taken: null, dirty: null, passedOver: null, notOnRoster: { lookedUpBy: 'Canvas user id 123' } });
    const csv = (await readFile(path.join(out, 'gradebook.csv'), 'utf8')).split('\r\n');
    expect(csv[1]).toMatch(/,"1 day late, -10 %; taken over the work on time \(0 \/ \d+\)",b{40},.*,late,1,10,yes,a{40},0$/);
    expect(csv[2]).toMatch(/,on time \(1 later commit ignored\); taken over the late work \(9 \/ \d+ after the policy\),a{40},.*,on-time,0,0,no,b{40},9$/);
    expect(csv[3]).toMatch(/,,,,,,$/);
    const html = await readFile(path.join(out, 'summary.html'), 'utf8');
    expect(html).toContain('<strong>1</strong> graded with uncommitted changes');
    expect(html).toMatch(/bbbbbbb <span class="badge dirty"[^>]*>dirty<\/span>/);
    expect(html).toContain('Entries not on the roster');
    expect(html).toContain('Cy &lt;b&gt;Lee&lt;/b&gt;_123_456_cy.ts (looked up by Canvas user id 123)');
    expect(await readFile(path.join(out, 'moodle.csv'), 'utf8')).toContain('1 day late, -10 %; taken over the work on time (0 / ');
    expect((await readFile(path.join(out, 'canvas.csv'), 'utf8')).split('\r\n')[0]).toContain(`${manifest.title} (4711)`);
  });
});

describe('wrong answers in the summary', () => {
  test('are the value when the test observed one, else what follows the call in the message', async () => {
    const { wrongAnswer } = await import('./summary/ClassSummary.ts');
    const base = sampleResults.tests[0];
    expect(wrongAnswer({ ...base, status: 'failed', observed: { actual: [0], expected: [0.25] } })).toBe('got [0], expected [0.25]');
    expect(wrongAnswer({ ...base, status: 'failed', message: 'backward({ W1: [[1]] }, [0]) returned { dW1: [[0]] }, expected { dW1: [[1]] }\nmore' })).toBe(
      'returned { dW1: [[0]] }, expected { dW1: [[1]] }',
    );
    expect(wrongAnswer({ ...base, status: 'errored', message: 'exercises/backprop.ts did not compile' })).toBe('exercises/backprop.ts did not compile');
    expect(wrongAnswer({ ...base, status: 'timed-out' })).toBe('timed out');
  });
});

describe('platform files with the assignment', () => {
  test("PrairieLearn's results carry the assignment's pictures of the submission as images", async () => {
    const out = path.join(root, 'class-images');
    await mkdir(out, { recursive: true });
    // compile errors make the results not gradable (no images): a submission that compiled
    await student(out, record('ann', {}), { ...sampleResults, diagnostics: [] });
    await finalise(out, manifest, ['prairielearn'], new Date('2026-03-05T00:00:00Z'), {
      exports: { figures: (plots) => assignment.report!.figures!(plots) },
    });
    const pl = JSON.parse(await readFile(path.join(out, 'ann/prairielearn/results.json'), 'utf8'));
    expect(pl.images.length).toBeGreaterThan(0);
    expect(pl.images[0].url).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});
