// The exports of each exercise module, as the assignment's contract names
// them, with their parameters, so a failing test can be replayed by calling
// the right function. `value` exports (the claims) are data, not functions.

export type ContractExport =
  | { kind: 'function'; name: string; params: string[]; required: number }
  | { kind: 'value'; name: string };

const fn = (name: string, params: string[], required = params.length): ContractExport => ({ kind: 'function', name, params, required });
const value = (name: string): ContractExport => ({ kind: 'value', name });

export const contractExports: Readonly<Record<string, readonly ContractExport[]>> = {
  activations: [fn('relu', ['z']), fn('reluGrad', ['z']), fn('leakyRelu', ['z', 'alpha'], 1), fn('leakyReluGrad', ['z', 'alpha'], 1)],
  forward: [fn('dense', ['W', 'b', 'x']), fn('forward', ['net', 'x']), fn('predict', ['net', 'x'])],
  backprop: [
    fn('mseLoss', ['net', 'X', 'Y']),
    fn('backward', ['net', 'X', 'Y']),
    fn('numericalGradient', ['net', 'X', 'Y', 'eps'], 3),
    fn('relativeError', ['a', 'b']),
  ],
  'dead-neurons': [fn('activationPattern', ['net', 'X']), fn('deadNeurons', ['net', 'X']), fn('alwaysActiveNeurons', ['net', 'X'])],
  linearity: [fn('kinks', ['net', 'domain']), fn('isLinearOn', ['net', 'domain'])],
  claims: [value('linearExample'), value('nonlinearExample'), value('answers')],
  training: [fn('sgdStep', ['net', 'grads', 'lr']), fn('train', ['net', 'X', 'Y', 'options']), fn('reviveDeadNeurons', ['net', 'X', 'rng'])],
};
