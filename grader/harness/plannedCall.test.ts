import { describe, expect, it } from 'vitest';
import { functionOf, PROBE_MODULE, probeCall, sameArgs } from './plannedCall.ts';

describe('sameArgs', () => {
  const net = { W1: [[1]], b1: [0] };
  it('matches the very same objects and equal primitives', () => {
    expect(sameArgs([net, 0.5, -0], [net, 0.5, -0])).toBe(true);
    expect(sameArgs([NaN], [NaN])).toBe(true);
    expect(sameArgs([0], [-0])).toBe(false);
    expect(sameArgs([net], [{ W1: [[1]], b1: [0] }])).toBe(false);
  });

  it('matches options made afresh, field by field', () => {
    expect(sameArgs([net, { epochs: 3, lr: 0.5 }], [net, { epochs: 3, lr: 0.5 }])).toBe(true);
    expect(sameArgs([net, { epochs: 3, lr: 0.5 }], [net, { epochs: 4, lr: 0.5 }])).toBe(false);
    expect(sameArgs([{ epochs: 3 }], [{ epochs: 3, lr: 0.5 }])).toBe(false);
    expect(sameArgs([{ epochs: 3, lr: undefined }], [{ epochs: 3, rate: undefined }])).toBe(false);
  });

  it("looks into the probe's [module, name, args] but no deeper than two levels", () => {
    const a = probeCall('training', 'sgdStep', [net, 0.5]).args;
    expect(sameArgs(a, probeCall('training', 'sgdStep', [net, 0.5]).args)).toBe(true);
    expect(sameArgs(a, probeCall('training', 'sgdStep', [{ ...net }, 0.5]).args)).toBe(false);
    expect(sameArgs(a, probeCall('training', 'train', [net, 0.5]).args)).toBe(false);
  });

  it('tells class instances apart from plain objects', () => {
    class Options {
      epochs = 3;
    }
    expect(sameArgs([new Options()], [new Options()])).toBe(false);
  });
});

describe('functionOf', () => {
  it('names the student function a probe call reaches', () => {
    expect(functionOf('forward', 'dense', [])).toBe('forward.dense');
    expect(functionOf(PROBE_MODULE, 'argumentsAfter', ['training', 'sgdStep', []])).toBe('training.sgdStep');
    expect(functionOf(PROBE_MODULE, 'seededCall', ['training', 'reviveDeadNeurons', [], 7])).toBe('training.reviveDeadNeurons');
  });
});
