// The exports of each exercise module, as the assignment's contract names
// them, so a failing test can be replayed by calling the right function.
// `value` exports (the claims) are data, not functions.

export type ContractExport = { name: string; kind: 'function' | 'value' };

const fn = (name: string): ContractExport => ({ name, kind: 'function' });
const value = (name: string): ContractExport => ({ name, kind: 'value' });

export const contractExports: Readonly<Record<string, readonly ContractExport[]>> = {
  activations: [fn('relu'), fn('reluGrad'), fn('leakyRelu'), fn('leakyReluGrad')],
  forward: [fn('dense'), fn('forward'), fn('predict')],
  backprop: [fn('mseLoss'), fn('backward'), fn('numericalGradient'), fn('relativeError')],
  'dead-neurons': [fn('activationPattern'), fn('deadNeurons'), fn('alwaysActiveNeurons')],
  linearity: [fn('kinks'), fn('isLinearOn')],
  claims: [value('linearExample'), value('nonlinearExample'), value('answers')],
  training: [fn('sgdStep'), fn('train'), fn('reviveDeadNeurons')],
};
