import { describe, expect, it } from 'vitest';
import { findSpecials, restoreSpecials } from './wire.mjs';

/** What the other side of the channel receives: the value through JSON, specials put back. */
const roundTrip = (value: unknown) => restoreSpecials(JSON.parse(JSON.stringify({ v: value })).v, JSON.parse(JSON.stringify(findSpecials(value))));

describe('wire', () => {
  it('carries -0, NaN, ±Infinity and undefined through JSON, wherever they are', () => {
    const value = { z: -0, list: [1, Number.NaN, [Infinity, -Infinity, -0]], u: undefined, inArray: [undefined, 2], deep: { a: [{ b: -0 }] } };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.z, -0)).toBe(true);
    expect(Object.is((back.list[2] as number[])[2], -0)).toBe(true);
    expect(Object.is(back.deep.a[0].b, -0)).toBe(true);
    expect('u' in back).toBe(true);
    expect(back.inArray).toEqual([undefined, 2]);
  });

  it('carries a special value at the top level', () => {
    expect(Object.is(roundTrip(-0), -0)).toBe(true);
    expect(roundTrip(Number.NaN)).toBeNaN();
    expect(roundTrip(undefined)).toBeUndefined();
  });

  it('lists nothing for ordinary data, so the message is sent as it is', () => {
    expect(findSpecials([{ W1: [[1, 0.5]], b1: [0] }, [[0.25]], 'relu', true, null])).toEqual([]);
  });

  it('refuses what is not plain data, naming where it is', () => {
    expect(() => findSpecials([1, { f: () => 1 }])).toThrow(/a function at \[1\]\[f\] cannot be sent/);
    expect(() => findSpecials([new Map()])).toThrow(/not plain data at \[0\]/);
    expect(() => findSpecials([1n])).toThrow(/a bigint/);
  });

  it('ignores entries that do not fit, and never walks into inherited properties', () => {
    const value = { a: [1, 2] };
    const restored = restoreSpecials(value, [
      [['a', 5], '-0'], // past the end of the array
      [['b', 'c'], 'NaN'], // no such key
      [['__proto__', 'polluted'], 'NaN'], // through the prototype
      [['constructor', 'prototype', 'x'], 'NaN'],
      [['a', 0], 'not-a-code'],
      'garbage',
      [['a', 1]],
    ]);
    expect(restored).toEqual({ a: [1, 2] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    expect(restoreSpecials(value, 'not a list')).toBe(value);
  });

  it('sets a "__proto__" key as an own property, not as the prototype', () => {
    const value = JSON.parse('{"__proto__": 1}') as Record<string, unknown>;
    restoreSpecials(value, [[['__proto__'], 'NaN']]);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBeNaN();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
