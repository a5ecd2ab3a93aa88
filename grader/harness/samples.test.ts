import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, test } from 'vitest';
import { beginCheck, expectedFor, nextPropertyKey, perValue, samplesFor, useMemoDir } from './samples.ts';

describe('samples', () => {
  const dirs: string[] = [];
  afterEach(() => {
    useMemoDir(null);
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  test('draws what fc.check would, with stable keys per check and property', () => {
    beginCheck('activations.x');
    const key = nextPropertyKey(7, 20);
    expect(key).toBe('activations.x#0@7x20');
    expect(nextPropertyKey(7, 20)).toBe('activations.x#1@7x20');
    const drawn: number[] = [];
    fc.assert(
      fc.property(fc.integer(), (n) => void drawn.push(n)),
      { seed: 7, numRuns: 20 },
    );
    expect(samplesFor(key, fc.integer(), 7, 20)).toEqual(drawn);
  });

  test('puts the values to check always before the drawn ones, which stay what fc.check draws', () => {
    beginCheck('activations.always');
    const key = nextPropertyKey(7, 5, [0, -0]);
    const drawn = fc.sample(fc.integer(), { seed: 7, numRuns: 5 });
    const values = samplesFor(key, fc.integer(), 7, 5, [0, -0]);
    expect(values).toHaveLength(7);
    expect(Object.is(values[1], -0)).toBe(true);
    expect(values.slice(2)).toEqual(drawn);
    // the key names the values always checked: other ones never read these back
    beginCheck('activations.always');
    const [plain, withZeros, withMinusZero] = [nextPropertyKey(7, 5), nextPropertyKey(7, 5, [0, 0]), nextPropertyKey(7, 5, [0, -0])];
    expect(plain).toBe('activations.always#0@7x5');
    expect(withZeros).toMatch(/^activations\.always#1@7x5\+[0-9a-f]{12}$/);
    expect(withMinusZero.split('+')[1]).not.toBe(withZeros.split('+')[1]);
  });

  test('keeps values and answers on disk, -0, NaN, Infinity and undefined included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relu-lab-samples-'));
    dirs.push(dir);
    useMemoDir(dir);
    beginCheck('activations.disk');
    const key = nextPropertyKey(1, 4);
    const special = fc.constantFrom(-0, Number.NaN, Infinity, -Infinity, undefined);
    const values = samplesFor(key, fc.tuple(special, special), 1, 4);
    expectedFor(key, values, ([a]) => a);
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    // a second process reads the same values back exactly
    const reread = JSON.parse(fs.readFileSync(path.join(dir, files[0]), 'utf8'));
    expect(reread.values).toHaveLength(4);
    expect(JSON.stringify(reread)).toContain('"$n"');
  });
});

describe('perValue', () => {
  it('computes once per object and afresh for a new object, even an equal one', () => {
    let runs = 0;
    const double = perValue((p: { x: number }) => {
      runs += 1;
      return p.x * 2;
    });
    const drawn = { x: 3 };
    expect([double(drawn), double(drawn)]).toEqual([6, 6]);
    expect(runs).toBe(1);
    expect(double({ x: 3 })).toBe(6);
    expect(runs).toBe(2);
  });
});
