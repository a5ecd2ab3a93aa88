import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignment } from '../assignment/testing/double/assignment.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../intake/submissionIdentity.ts';
import type { ResultsDocument } from '../results/types.ts';
import { validateResults } from '../results/validateResults.ts';
import { failedResults } from './failedResults.ts';
import { writeGradingOutputs } from './writeGradingOutputs.ts';

let tmp: string;
let manifest: Manifest;
/** a valid document of the `double` assignment: its checks listed, none run */
let doc: ResultsDocument;
let n = 0;
const freshDir = () => path.join(tmp, `out-${++n}`);
const readResults = async (dir: string) => validateResults(JSON.parse(await fs.readFile(path.join(dir, 'results.json'), 'utf8')));

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-outputs-test-'));
  manifest = await loadManifest(
    assignment.manifestPath,
    assignment.modules.map((m) => m.name),
  );
  doc = await failedResults(
    manifest,
    assignment,
    await submissionIdentity(assignment.solutionsDir),
    { kind: 'grader-error', code: 'internal', message: 'made up' },
    5,
  );
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('writeGradingOutputs', () => {
  test('writes results.json as given, and both reports beside it', async () => {
    expect(doc.tests.length).toBeGreaterThan(0);
    const dir = freshDir();
    const out = await writeGradingOutputs(doc, dir, { assignment, manifest, audience: 'student' });
    expect(out.doc).toBe(doc);
    expect(out.resultsPath).toBe(path.join(dir, 'results.json'));
    expect(await readResults(dir)).toEqual(doc);
    expect(await fs.readFile(out.htmlPath, 'utf8')).toContain('<html');
    expect(await fs.readFile(out.markdownPath, 'utf8')).toContain(doc.tests[0].name);
    expect(out.reportFallback).toBeUndefined();
  });

  test('drops plot data that cannot be written, and keeps the grading', async () => {
    const dir = freshDir();
    const out = await writeGradingOutputs({ ...doc, plots: { huge: 1n } }, dir, { assignment, manifest, audience: 'student' });
    expect(out.doc.plots).toBeUndefined();
    expect(await readResults(dir)).toEqual(doc);
  });

  test('writes a grader-error document saying why when the grading itself would not validate', async () => {
    const dir = freshDir();
    const broken = { ...doc, tests: [{ ...doc.tests[0], status: 'forged' }] } as unknown as ResultsDocument;
    const out = await writeGradingOutputs(broken, dir, { assignment, manifest, audience: 'student' });
    expect(out.doc.outcome).toMatchObject({ kind: 'grader-error', code: 'results-invalid', message: expect.stringMatching(/could not be written/) });
    expect(await readResults(dir)).toEqual(out.doc);
    expect(out.doc.tests.map((t) => t.id)).toEqual(doc.tests.map((t) => t.id));
  });

  test('without results, removes an earlier results.json and still writes the reports', async () => {
    const dir = freshDir();
    await writeGradingOutputs(doc, dir, { assignment, manifest, audience: 'student' });
    const out = await writeGradingOutputs(doc, dir, { assignment, manifest, audience: 'student', writeResults: false });
    expect(await fs.stat(out.resultsPath).catch(() => null)).toBeNull();
    expect(await fs.stat(out.htmlPath)).toBeTruthy();
  });
});
