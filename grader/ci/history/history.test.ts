import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sparkBlocks, sparkline } from '../../report/svg/sparkline.ts';
import { wellFormedProblems } from '../../report/svg/wellFormed.testHelper.ts';
import { sampleDoc } from '../testing/sampleView.ts';
import { cacheFile, readCached, writeCached } from './historyCache.ts';
import { historyHtml, historyMarkdown, historyTerminal } from './renderHistory.ts';
import type { HistoryResult } from './runHistory.ts';

const commit = (n: number, subject: string) => ({
  commit: `${n}`.repeat(40).slice(0, 40),
  author: 'Alice',
  email: 'alice@example.com',
  date: `2026-01-0${n}T10:00:00+01:00`,
  subject,
});

const result: HistoryResult = {
  mode: { kind: 'visible' },
  rows: [
    { commit: commit(1, 'Starter'), score: { earned: 0, possible: 100 }, cached: true, doc: sampleDoc() },
    { commit: commit(2, 'Broke <everything> | oops'), score: null, cached: false, doc: sampleDoc() },
    { commit: commit(3, 'Activations'), score: { earned: 62.5, possible: 100 }, cached: false, doc: sampleDoc() },
  ],
};

describe('sparkline', () => {
  test('is well-formed, accessible SVG with a dot per value, a gap for null and the last value labelled', () => {
    const svg = sparkline({ title: 'Score per commit', description: 'scores', values: [0, null, 62.5], max: 100, lastLabel: '62.5 / 100' }).markup;
    expect(wellFormedProblems(svg)).toEqual([]);
    expect(svg).toContain('<title>Score per commit</title>');
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('62.5 / 100');
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+M[\d.]+ [\d.]+"/);
  });

  test('has a terminal form', () => {
    expect(sparkBlocks([0, null, 50, 100], 100)).toBe('▁ ▅█');
  });
});

describe('renderHistory', () => {
  test('the terminal table lists commits oldest first with score, bar and subject', () => {
    const text = historyTerminal(result);
    expect(text).toMatch(/visible tests only/);
    expect(text.indexOf('Starter')).toBeLessThan(text.indexOf('Activations'));
    expect(text).toMatch(/3333333  2026-01-03 +62\.5 \/ 100  ██████░░░░  Activations/);
    expect(text).toContain('could not grade');
  });

  test('Markdown and HTML escape what commit messages hold', () => {
    expect(historyMarkdown(result, 'sparkline.svg')).toContain('Broke \\<everything\\> \\| oops');
    expect(historyMarkdown(result, 'sparkline.svg')).toContain('![Score per commit, oldest first](sparkline.svg)');
    const html = historyHtml(result);
    expect(html).toContain('Broke &lt;everything&gt; | oops');
    expect(html).toContain('<svg');
  });

  test('a commit subject cannot move the cursor, set the title or fill the clipboard', () => {
    const hostile = 'fix\u001bM\rScore: 100 / 100\u001b]0;pwned\u0007\u001b]52;c;Y3VybCB4IHwgc2g=\u0007\u202edone';
    const rows = [{ ...result.rows[0], commit: commit(1, hostile) }];
    const outputs = [historyTerminal({ ...result, rows }), historyMarkdown({ ...result, rows }, 'sparkline.svg'), historyHtml({ ...result, rows })];
    for (const text of outputs) {
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(text).not.toContain('pwned');
      expect(text).not.toContain('Y3VybCB4IHwgc2g=');
    }
  });
});

describe('historyCache', () => {
  test('keeps one results document per commit, version, seed and mode', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-cache-'));
    const key = { commit: 'c'.repeat(40), graderVersion: '0.1.0', seed: 7, mode: 'hidden-abc' };
    expect(await readCached(dir, key)).toBeNull();
    const doc = sampleDoc();
    doc.diagnostics = [];
    doc.tests = doc.tests.slice(0, 1);
    doc.tasks = doc.tasks.slice(0, 1).map((t) => ({ ...t, earned: 2, possible: 2 }));
    doc.score = { earned: 2, possible: 2 };
    await writeCached(dir, key, doc);
    expect(await readCached(dir, key)).toEqual(doc);
    expect(await readCached(dir, { ...key, seed: 8 })).toBeNull();
    expect(path.basename(cacheFile(dir, { ...key, mode: '../x' }))).toBe(`${'c'.repeat(40)}.0.1.0.7..._x.json`);
    await fs.writeFile(cacheFile(dir, key), '{ not json');
    expect(await readCached(dir, key)).toBeNull();
    await fs.rm(dir, { recursive: true });
  });
});
