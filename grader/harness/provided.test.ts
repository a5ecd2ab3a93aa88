import { describe, expect, it } from 'vitest';
import { GradingFailure, readFailure } from './GradingFailure.ts';
import { provided } from './provided.ts';

describe('provided', () => {
  it('passes when the condition holds', async () => {
    await expect(provided('dense works', async () => {})).resolves.toBeUndefined();
  });

  it("says which condition failed and keeps the failure's details, counterexample included", async () => {
    const counterexample = { seed: 7, path: '3:0', value: '[[[1]],[0],[1]]', replay: 'fc.assert(property, { seed: 7, path: "3:0", endOnFailure: true })' };
    const failure = new GradingFailure('dense([[1]], [0], [1]) threw RangeError: no', { status: 'errored', counterexample });
    const thrown = await provided('dense also computes W x + b on layers that fit', async () => {
      throw failure;
    }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(GradingFailure);
    expect((thrown as GradingFailure).message).toBe(
      'dense([[1]], [0], [1]) threw RangeError: no (this check pays only when dense also computes W x + b on layers that fit)',
    );
    expect(readFailure(thrown)).toMatchObject({ status: 'errored', counterexample });
  });

  it('lets errors of the check itself through untouched', async () => {
    const bug = new TypeError('x is undefined');
    await expect(provided('anything', async () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
