import { describe, expect, it } from 'vitest';
import { GradingFailure, readFailure } from './GradingFailure.ts';

describe('GradingFailure', () => {
  it('carries its details as data that survive serialisation, -0 and NaN spelled out', () => {
    const failure = new GradingFailure('relu(-1) returned -0', { status: 'failed', observed: { actual: -0, expected: Number.NaN } });
    const copy = JSON.parse(JSON.stringify({ ...failure, reluLabFailure: failure.reluLabFailure }));
    expect(readFailure(copy)).toEqual({ status: 'failed', observed: { actual: 0, expected: 'NaN' }, message: 'relu(-1) returned -0' });
  });

  it('has a stack without frames, so nothing maps it through source maps, and leaves the frame limit as it was', () => {
    const before = Error.stackTraceLimit;
    const failure = new GradingFailure('backward did not return', { status: 'timed-out' });
    expect(failure.stack).toBe('GradingFailure: backward did not return');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('other').stack).toContain('\n    at ');
  });
});
