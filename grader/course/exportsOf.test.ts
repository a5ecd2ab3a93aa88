import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { exportsOf } from './exportsOf.ts';

const stub = (module: string) => exportsOf(fs.readFileSync(path.join(PACKAGE_ROOT, 'exercises', `${module}.ts`), 'utf8'));
const fn = (name: string, params: string[], required = params.length) => ({ kind: 'function', name, params, required });
const value = (name: string) => ({ kind: 'value', name });

describe('exportsOf', () => {
  test("reads the course's stubs as the contract names them", () => {
    expect(stub('activations')).toEqual([fn('relu', ['z']), fn('reluGrad', ['z']), fn('leakyRelu', ['z', 'alpha'], 1), fn('leakyReluGrad', ['z', 'alpha'], 1)]);
    expect(stub('backprop')).toEqual([
      fn('mseLoss', ['net', 'X', 'Y']),
      fn('backward', ['net', 'X', 'Y']),
      fn('numericalGradient', ['net', 'X', 'Y', 'eps'], 3),
      fn('relativeError', ['a', 'b']),
    ]);
    expect(stub('linearity')).toEqual([fn('kinks', ['net', 'domain']), fn('isLinearOn', ['net', 'interval'])]);
    expect(stub('claims')).toEqual([value('linearExample'), value('nonlinearExample'), value('answers')]);
    expect(stub('training')).toEqual([
      fn('sgdStep', ['net', 'grads', 'lr']),
      fn('train', ['net', 'X', 'Y', 'options']),
      fn('reviveDeadNeurons', ['net', 'X', 'rng']),
    ]);
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
