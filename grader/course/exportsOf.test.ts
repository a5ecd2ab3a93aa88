import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment as course } from './assignment.ts';
import { exportsOf } from './exportsOf.ts';

const stub = (module: string) => exportsOf(fs.readFileSync(path.join(PACKAGE_ROOT, 'exercises', `${module}.ts`), 'utf8'));
const fn = (name: string, params: string[], required = params.length) => ({ kind: 'function', name, params, required });
const value = (name: string) => ({ kind: 'value', name });

describe('exportsOf', () => {
  test("reads each of the course's stubs as its reference exports it: the same names, functions with as many required parameters", async () => {
    for (const { name: module } of course.modules) {
      const reference = (await import(pathToFileURL(path.join(PACKAGE_ROOT, 'solutions', `${module}.ts`)).href)) as Record<string, unknown>;
      const read = stub(module);
      expect(read.map((e) => e.name).sort(), module).toEqual(Object.keys(reference).sort());
      for (const e of read) {
        const given = reference[e.name];
        if (e.kind === 'value') expect(typeof given, `${module}.${e.name}`).not.toBe('function');
        else expect([typeof given, e.required], `${module}.${e.name}`).toEqual(['function', (given as (...a: unknown[]) => unknown).length]);
      }
    }
    // one read in full, as the contract names it
    expect(stub('linearity')).toEqual([fn('kinks', ['net', 'domain']), fn('isLinearOn', ['net', 'interval'])]);
  });

  test('optional and defaulted parameters, generics, arrow-typed parameters and destructuring', () => {
    const source = [
      'export function a<T extends Map<string, number>>(x: T, cb: (v: number) => void = () => {}, y?: number): void {}',
      'export async function b({ p, q }: { p: number; q: number }, ...rest: number[]) {}',
      'function notExported(z: number) {}',
      'export const c = 1;',
    ].join('\n');
    expect(exportsOf(source)).toEqual([fn('a', ['x', 'cb', 'y'], 1), fn('b', ['arg0', 'rest']), value('c')]);
  });

  test('text that is not a module gives nothing, and never throws', () => {
    expect(exportsOf('')).toEqual([]);
    expect(exportsOf('export function broken(')).toEqual([fn('broken', [])]);
  });
});
