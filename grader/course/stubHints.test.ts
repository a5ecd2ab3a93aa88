// Hints ladder: a stub says what to implement, never how; the guide gives the
// ideas first and keeps each lesson's formulas in a collapsed block.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';

const MODULES = ['activations', 'forward', 'backprop', 'dead-neurons', 'linearity', 'claims', 'training'];
const read = (file: string): string => fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');

/** Every "not implemented" message a stub file throws or hands to notImplementedValue, as written. */
function stubMessages(module: string): string[] {
  const text = read(`exercises/${module}.ts`);
  const thrown = [...text.matchAll(/throw new Error\((['"])(not implemented: .*?)\1\)/g)].map((m) => m[2]);
  const values = [...text.matchAll(/notImplementedValue<\w+>\(\s*'(\w+)',\s*(['"])(.*?)\2,?\s*\)/g)].map((m) => `not implemented: ${m[1]} — ${m[3]}`);
  return [...thrown, ...values];
}

test('each stub says what to implement, with its lesson, and no formula', () => {
  for (const module of MODULES) {
    const messages = stubMessages(module);
    expect(messages.length, module).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m).toMatch(/^not implemented: \w+ — .+ \(lesson [1-7]\)$/);
      // the how (comparisons, arithmetic, assignments) is the guide's second hint
      expect(m.replace(/^not implemented: \w+ — /, ''), m).not.toMatch(/[=<>*/^+]|\bmax\(|\bsum\b/);
    }
  }
});

test('each lesson of the guide keeps its formulas in a collapsed "Show the formula" block', () => {
  const guide = read('exercises/README.md');
  const lessons = guide.split(/^## (?=\d\. )/m).slice(1);
  expect(lessons).toHaveLength(7);
  for (const lesson of lessons) {
    expect(lesson, lesson.split('\n')[0]).toMatch(/<details><summary>Show the formula<\/summary>\n[\s\S]+?\n<\/details>/);
  }
});
