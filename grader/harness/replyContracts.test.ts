import { describe, expect, it } from 'vitest';
import { PROBE_MODULE } from './plannedCall.ts';
import { contractOf, contractProblem, matrix, type ReplyContracts, vector } from './replyContracts.ts';

// a course of two functions, to hold the machinery apart from any real course's table
const contracts: ReplyContracts = {
  'double.twice': () => 'number',
  'double.pairs': ([xs]) => ({ object: { left: vector(Array.isArray(xs) ? xs.length : 0, 'one per x'), grid: matrix(2, 2) }, optional: ['grid'] }),
};

const problem = (module: string, name: string, args: unknown[], value: unknown) => contractProblem(contractOf(contracts, module, name, args)!, value, name);

describe('reply contracts', () => {
  it('take their bounds from the arguments of the call', () => {
    expect(problem('double', 'pairs', [[1, 2]], { left: [2, 4] })).toBeNull();
    expect(problem('double', 'pairs', [[1, 2]], { left: [2, 4, 6] })).toBe('3 items at .left, where pairs returns at most 2 (one per x)');
    expect(problem('double', 'pairs', [[1, 2]], { left: [], grid: [[1, 2, 3]] })).toBe('3 items at .grid[0], where pairs returns at most 2');
    expect(problem('double', 'pairs', [[1]], {})).toBe('an object without left, where pairs returns one with it');
    expect(problem('double', 'twice', [1], null)).toBe('null, where twice returns a number');
  });

  it("hold the probe's argumentsAfter to the wrapped function's contract, and the arguments it left to about their size", () => {
    const after = (value: unknown, args: unknown) => problem(PROBE_MODULE, 'argumentsAfter', ['double', 'pairs', [[1, 2]]], { value, args });
    expect(after({ left: [1, 1] }, [[1, 2]])).toBeNull();
    expect(after({ left: [1, 1, 1] }, [[1, 2]])).toBe('3 items at .value.left, where argumentsAfter returns at most 2 (one per x)');
    expect(after({ left: [] }, [new Array(1_000).fill(0)])).toMatch(
      /^more than 72 values at \.args, where argumentsAfter leaves its arguments about as large as it was given them$/,
    );

    const seeded = (value: unknown) => problem(PROBE_MODULE, 'seededCall', ['double', 'pairs', [[1, 2]], 7], value);
    expect(seeded({ value: { left: [1, 1] }, args: [[1, 2]], draws: 2 })).toBeNull();
    expect(seeded({ value: { left: [1, 1] }, args: [[1, 2]], draws: '2' })).toBe('a string at .draws, where seededCall returns a number');
  });

  it('let a few extra keys through, not a hoard under them', () => {
    expect(problem('double', 'pairs', [[1]], { left: [1], note: 'fine' })).toBeNull();
    expect(problem('double', 'pairs', [[1]], { left: [1], junk: new Array(1_000).fill(0) })).toBe(
      'more than 64 values under keys pairs does not return (such as "junk")',
    );
  });

  it('walk a long reply without recursion or spreading', () => {
    expect(problem('double', 'pairs', [[1, 2, 3]], { left: new Array(900_000).fill(0) })).toBe(
      '900000 items at .left, where pairs returns at most 3 (one per x)',
    );
  });

  it('leave functions without a contract alone, and every function when the assignment declares none', () => {
    expect(contractOf(contracts, 'double', 'notInTheAssignment', [])).toBeNull();
    expect(contractOf(contracts, PROBE_MODULE, 'argumentsAfter', ['double', 'notInTheAssignment', []])).toBeNull();
    expect(contractOf(undefined, 'double', 'twice', [1])).toBeNull();
  });
});
