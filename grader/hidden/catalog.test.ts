import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MODULES, PACKAGE_ROOT } from '../core/defaults.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { CATALOG, getCheck } from './catalog.ts';

const suitesDir = path.join(PACKAGE_ROOT, 'grader/hidden/suites');
const suiteText = fs
  .readdirSync(suitesDir)
  .filter((f) => f.endsWith('.suite.ts'))
  .map((f) => fs.readFileSync(path.join(suitesDir, f), 'utf8'))
  .join('\n');
const guide = fs.readFileSync(path.join(PACKAGE_ROOT, 'exercises/README.md'), 'utf8');

/** GitHub's anchor of a Markdown heading. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');

describe('the check catalog', () => {
  test('ids are unique and prefixed by their task', () => {
    const ids = CATALOG.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CATALOG) expect(c.id.startsWith(`${c.task}.`)).toBe(true);
  });

  test("each task's checks add up to the manifest's points for it", async () => {
    const manifest = await loadManifest();
    for (const task of manifest.tasks) {
      const sum = CATALOG.filter((c) => c.task === task.id).reduce((s, c) => s + c.points, 0);
      expect(sum, task.id).toBeCloseTo(task.points, 9);
    }
    expect(new Set(CATALOG.map((c) => c.task))).toEqual(new Set(MODULES));
  });

  test('every check has a body in a suite, and every body a check', () => {
    for (const c of CATALOG) expect(suiteText, c.id).toContain(`'${c.id}'`);
    const used = [...suiteText.matchAll(/check\('([a-z-]+\.[a-z0-9-]+)'/g)].map((m) => m[1]);
    const answerChecks = [...suiteText.matchAll(/answerCheck\('([a-z-]+\.[a-z0-9-]+)'/g)].map((m) => m[1]);
    for (const id of [...used, ...answerChecks]) expect(() => getCheck(id)).not.toThrow();
  });

  test('hints link to lessons that exist in the student guide', () => {
    const anchors = new Set([...guide.matchAll(/^#+ (.+)$/gm)].map((m) => anchor(m[1])));
    for (const c of CATALOG) {
      const link = /exercises\/README\.md#([a-z0-9-]+)/.exec(c.hint);
      expect(link, `${c.id} hint links to the guide`).not.toBeNull();
      expect(anchors.has(link![1]), `${c.id} -> #${link![1]}`).toBe(true);
    }
  });

  test('an unknown id is a clear error', () => {
    expect(() => getCheck('backprop.no-such-check')).toThrow(/declare it in grader\/hidden\/checks/);
  });
});
