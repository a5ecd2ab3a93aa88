import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { sampleAssignment, sampleResults } from './fixtures/sample-results.ts';
import { buildReportView } from './buildReportView.ts';
import { handlebarsEnv } from './handlebarsEnv.ts';
import { renderFileReports, renderReports, writeReports } from './renderReports.ts';
import { renderTerminal } from './renderTerminal.ts';

const NOW = new Date('2026-11-27T00:00:00Z');
const DEADLINE = new Date('2026-12-01T23:59:00Z');
const student = { audience: 'student' as const, now: NOW, deadline: DEADLINE, assignment: sampleAssignment };
const instructor = { audience: 'instructor' as const, now: NOW, deadline: DEADLINE, assignment: sampleAssignment };

describe('terminal', () => {
  test('colour only when asked for', () => {
    expect(renderTerminal(sampleResults, { ...student, color: false })).not.toContain('\u001b[');
    expect(renderTerminal(sampleResults, { ...student, color: true })).toContain('\u001b[');
  });

  test('shows the total, each task, and for a failing test what was checked, yours, expected, counterexample and hint', () => {
    const text = renderTerminal(sampleResults, { ...student, color: false });
    expect(text).toContain('Score: 37 / 69 points on visible tests');
    expect(text).toMatch(/Signs\s+█+░+\s+4 \/ 8/);
    expect(text).toContain('sign(x) is 1 for x > 0 and 0 for x = 0');
    expect(text).toContain('yours:    1');
    expect(text).toContain('expected: 0');
    expect(text).toContain('counterexample: [0] (seed 123, path "4:1"');
    expect(text).toContain('See the sign of zero (docs/guide.md#the-sign-of-zero).');
  });
});

describe('HTML', () => {
  const html = renderReports(sampleResults, student).html;

  test('is one self-contained file: inline CSS and SVG, no scripts, nothing fetched', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link |<img |src=|@import|url\(/i);
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('@media print');
  });

  test('escapes what the submission controls', () => {
    const evil = structuredClone(sampleResults);
    evil.submission.name = '<img src=x onerror=alert(1)>';
    evil.tests[1].message = '<script>alert(1)</script>';
    const out = renderReports(evil, student);
    expect(out.html).not.toContain('<img src=x');
    expect(out.html).not.toContain('<script>alert');
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.markdown).not.toMatch(/<img src=x|<script>/);
  });

  test('links hints and the guide relative from reports/<name>/', () => {
    expect(html).toContain('<a href="../../docs/guide.md#the-sign-of-zero">the sign of zero</a>');
    expect(html).toContain('The guide to every task is in <a href="../../docs/guide.md">docs/guide.md</a>.');
  });

  test('shows a grader error and a deadline stop at the top', () => {
    const failed = renderReports({ ...sampleResults, outcome: { kind: 'grader-error', code: 'internal', message: 'Out of disk.' } }, student).html;
    const banner = failed.indexOf('class="banner banner-grader-error"');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(failed.indexOf('class="summary"'));
    const stopped = renderReports({ ...sampleResults, outcome: { kind: 'deadline', message: 'Stopped after 120 s.' } }, student).html;
    expect(stopped).toContain('Grading stopped at the time limit');
  });
});

test('a document from a grading that crashed (no tasks, tests or plots) still renders everywhere', () => {
  const crashed = {
    ...sampleResults,
    outcome: { kind: 'grader-error' as const, code: 'sandbox-unavailable', message: 'The sandbox did not start.' },
    diagnostics: [],
    score: { earned: 0, possible: 0 },
    tasks: [],
    tests: [],
    plots: undefined,
  };
  for (const opts of [student, instructor]) {
    const out = renderReports(crashed, opts);
    expect(out.html).toContain('relu-lab could not grade this submission (sandbox-unavailable)');
    expect(out.markdown).toContain('> [!CAUTION]');
    expect(out.terminal).toContain('! relu-lab could not grade this submission');
    expect(out.markdown).not.toContain('Pictures of your functions');
  }
});

describe('the Handlebars environment', () => {
  test('compiles once and caches', () => {
    expect(handlebarsEnv()).toBe(handlebarsEnv());
  });

  test('is strict: a view without a field fails with a coded error', () => {
    const view = buildReportView(sampleResults, student) as unknown as Record<string, unknown>;
    const { gradedAt: _drop, ...incomplete } = view;
    try {
      handlebarsEnv().html(incomplete as never);
      expect.unreachable();
    } catch (e) {
      expect(isReluLabError(e, 'report-invalid')).toBe(true);
    }
  });

  test('prints only SVG made by the svg module unescaped', () => {
    const view = buildReportView(sampleResults, student);
    const forged = { ...view, figures: [{ ...view.figures[0], svg: '<svg onload="alert(1)"></svg>' }] };
    expect(() => handlebarsEnv().html(forged as never)).toThrow(/only prints markup made by the svg module/);
  });

  test('a missing templates folder is a coded error', () => {
    try {
      handlebarsEnv(path.join(os.tmpdir(), 'relu-lab-no-templates'));
      expect.unreachable();
    } catch (e) {
      expect(isReluLabError(e, 'report-invalid')).toBe(true);
    }
  });
});

describe('the plain fallback report', () => {
  test('stands in when the full report fails on some value: escaped, with the score and each shown check', () => {
    const failing = sampleResults.tests.find((t) => t.visibility === 'visible' && t.status !== 'passed')!;
    const hiddenOne = sampleResults.tests.find((t) => t.visibility === 'hidden')!;
    const doc = structuredClone(sampleResults);
    doc.tests.find((t) => t.id === failing.id)!.message = '<img src=x onerror=alert(1)> returned';
    const throwing = {
      ...sampleAssignment,
      report: {
        insights: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
      },
    };
    const { html, markdown, fallback } = renderFileReports(doc, { ...student, assignment: throwing });
    expect(fallback).toBe('RangeError: Maximum call stack size exceeded');
    expect(html).toContain('The full report could not be drawn');
    expect(html).toContain(`Score: ${doc.score.earned} / ${doc.score.possible} points`);
    expect(html).toContain(failing.id);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(hiddenOne.name);
    expect(markdown).toContain(failing.id.replace(/[-.]/g, (c) => `\\${c}`));
  });

  test('is not used when the full report renders', () => {
    expect(renderFileReports(sampleResults, student).fallback).toBeUndefined();
  });
});

describe('writeReports', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relu-lab-report-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes report.html and report.md, creating the folder, leaving no temporary files', async () => {
    const out = path.join(dir, 'reports', 'ada');
    const written = await writeReports(sampleResults, out, student);
    expect(written).toEqual({ htmlPath: path.join(out, 'report.html'), markdownPath: path.join(out, 'report.md') });
    expect(fs.readdirSync(out).sort()).toEqual(['report.html', 'report.md']);
    expect(fs.readFileSync(written.markdownPath, 'utf8')).toBe(renderReports(sampleResults, student).markdown);
  });

  test('replaces earlier reports whole', async () => {
    const out = path.join(dir, 'again');
    await writeReports(sampleResults, out, student);
    await writeReports({ ...sampleResults, submission: { ...sampleResults.submission, name: 'bea' } }, out, student);
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/^## relu-lab report: bea/);
    expect(fs.readdirSync(out)).toHaveLength(2);
  });

  test('a folder that cannot be made is a coded error', async () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, '');
    await expect(writeReports(sampleResults, path.join(file, 'sub'), student)).rejects.toMatchObject({ code: 'report-invalid' });
  });
});
