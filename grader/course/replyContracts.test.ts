import { describe, expect, it } from 'vitest';
import * as claims from '../../solutions/claims.ts';
import { backward, numericalGradient } from '../../solutions/backprop.ts';
import { activationPattern, deadNeurons } from '../../solutions/dead-neurons.ts';
import { dense, forward, predict } from '../../solutions/forward.ts';
import { kinks } from '../../solutions/linearity.ts';
import { reviveDeadNeurons, sgdStep, train } from '../../solutions/training.ts';
import { PROBE_MODULE } from '../harness/plannedCall.ts';
import { contractOf, contractProblem } from '../harness/replyContracts.ts';
import { replyContracts } from './replyContracts.ts';

const net = {
  W1: [
    [1, -2],
    [0.5, 1],
    [-1, 0],
  ],
  b1: [0.1, -0.2, 0.3],
  W2: [[1, -1, 2]],
  b2: [0.5],
};
const X = [
  [1, 2],
  [-1, 0.5],
  [0, 0],
];
const Y = [[1], [0], [-1]];
const options = { epochs: 40, lr: 0.1 };

/** Why `value` breaks the contract of module.name(...args), or null. */
const problem = (module: string, name: string, args: unknown[], value: unknown) =>
  contractProblem(contractOf(replyContracts, module, name, args)!, value, name);

describe("the course's reply contracts", () => {
  it('hold every answer of the reference', () => {
    const answers: [string, string, unknown[], unknown][] = [
      ['activations', 'relu', [-1], 0],
      ['forward', 'dense', [net.W1, net.b1, X[0]], dense(net.W1, net.b1, X[0])],
      ['forward', 'forward', [net, X[0]], forward(net, X[0])],
      ['forward', 'predict', [net, X[0]], predict(net, X[0])],
      ['backprop', 'backward', [net, X, Y], backward(net, X, Y)],
      ['backprop', 'numericalGradient', [net, X, Y], numericalGradient(net, X, Y)],
      ['dead-neurons', 'activationPattern', [net, X], activationPattern(net, X)],
      ['dead-neurons', 'deadNeurons', [net, X], deadNeurons(net, X)],
      ['linearity', 'kinks', [claims.nonlinearExample, [-4, 4]], kinks(claims.nonlinearExample, [-4, 4])],
      ['linearity', 'isLinearOn', [net, [-4, 4]], true],
      ['claims', 'linearExample', [], claims.linearExample],
      ['claims', 'answers', [], claims.answers],
      ['training', 'sgdStep', [net, backward(net, X, Y), 0.1], sgdStep(net, backward(net, X, Y), 0.1)],
      ['training', 'train', [net, X, Y, options], train(net, X, Y, options)],
      ['training', 'reviveDeadNeurons', [net, X, () => 0.5], reviveDeadNeurons(net, X, () => 0.5)],
      [PROBE_MODULE, 'argumentsAfter', ['training', 'train', [net, X, Y, options]], { value: train(net, X, Y, options), args: [net, X, Y, options] }],
      [PROBE_MODULE, 'seededCall', ['training', 'reviveDeadNeurons', [net, X], 7], { value: net, args: [net, X], draws: 3 }],
    ];
    for (const [module, name, args, value] of answers) expect(problem(module, name, args, value), `${module}.${name}`).toBeNull();
  });

  it('bound train to one loss per epoch', () => {
    const result = train(net, X, Y, options);
    const padded = { ...result, losses: [...result.losses, ...new Array(600_000 - 40).fill(0)] };
    expect(problem('training', 'train', [net, X, Y, options], padded)).toBe(
      '600000 items at .losses, where train returns at most 40 (one loss per epoch, 40 epochs)',
    );
    expect(problem(PROBE_MODULE, 'argumentsAfter', ['training', 'train', [net, X, Y, options]], { value: padded, args: [net, X, Y, options] })).toMatch(
      /^600000 items at \.value\.losses/,
    );
  });

  it("hold types and the network's sizes", () => {
    expect(problem('activations', 'relu', [1], '1')).toBe('a string, where relu returns a number');
    expect(problem('activations', 'relu', [1], undefined)).toBe('undefined, where relu returns a number');
    expect(problem('forward', 'forward', [net, X[0]], { ...forward(net, X[0]), z1: [1, 2, 3, 4] })).toBe(
      '4 items at .z1, where forward returns at most 3 (one per hidden unit)',
    );
    expect(problem('forward', 'predict', [net, X[0]], [[1]])).toBe('an array at [0], where predict returns a number');
    expect(problem('dead-neurons', 'activationPattern', [net, X], [[1, 0, 1]])).toBe('a number at [0][0], where activationPattern returns a boolean');
    expect(problem('backprop', 'backward', [net, X, Y], { dW1: [], db1: [], dW2: [] })).toBe('an object without db2, where backward returns one with it');
    expect(problem('claims', 'linearExample', [], [])).toBe('an array, where linearExample returns an object');
  });
});
