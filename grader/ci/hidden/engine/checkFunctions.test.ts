import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../../core/defaults.ts';
import { CATALOG } from '../../../hidden/catalog.ts';
import { CHECK_FUNCTIONS, functionOfCheck } from './checkFunctions.ts';

function exportsOf(task: string): string[] {
  const text = fs.readFileSync(path.join(PACKAGE_ROOT, 'exercises', `${task}.ts`), 'utf8');
  return [...text.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
}

describe('CHECK_FUNCTIONS', () => {
  test('names a function for every check of the catalog', () => {
    const missing = CATALOG.filter((c) => functionOfCheck(c.id) === null).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  test('names only checks that exist', () => {
    const ids = new Set(CATALOG.map((c) => c.id));
    expect(Object.keys(CHECK_FUNCTIONS).filter((id) => !ids.has(id))).toEqual([]);
  });

  test("each name is exported by the check's own exercise file", () => {
    const wrong = CATALOG.filter((c) => !exportsOf(c.task).includes(functionOfCheck(c.id)!)).map((c) => `${c.id} -> ${functionOfCheck(c.id)}`);
    expect(wrong).toEqual([]);
  });
});
