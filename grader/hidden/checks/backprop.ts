import { defineChecks } from './CheckMeta.ts';

const lesson = 'exercises/README.md#3-backpropagation';

export const backpropChecks = defineChecks('backprop', [
  { id: 'mse-loss-matches-reference', points: 4, name: 'mseLoss equals 1/(2N) times the sum of squared errors over samples and outputs', hint: `Average over the N samples and keep the 1/2. See ${lesson}` },
  { id: 'mse-loss-empty-data', points: 1, name: 'mseLoss throws a RangeError on an empty data set', hint: `With no samples the mean is undefined: throw a RangeError. See ${lesson}` },
  { id: 'backward-matches-reference', points: 6, name: 'backward returns the exact gradients of mseLoss on ReLU networks, including pre-activations exactly 0', hint: `dyHat = (yHat - y) / N; dz1 = (W2^T dyHat) * reluGrad(z1); dW1 += dz1 x^T. See ${lesson}` },
  { id: 'backward-leaky-matches-reference', points: 3, name: 'backward uses the Leaky slope alpha on Leaky ReLU networks', hint: `The gate is the activation's own derivative: alpha where z1 <= 0. See ${lesson}` },
  { id: 'backward-agrees-with-numerical', points: 2, name: 'backward agrees with central differences away from kinks (to 1e-6, relative above 1)', hint: `Compare your backward with numericalGradient on a small network: the entry that differs points at the bug. See ${lesson}` },
  { id: 'numerical-gradient-matches-reference', points: 4, name: 'numericalGradient computes (L(p + eps) - L(p - eps)) / (2 eps) for every parameter, honouring eps', hint: `Nudge one parameter at a time in a copy of the network, both ways. See ${lesson}` },
  { id: 'numerical-gradient-agrees-with-own-backward', points: 1, name: 'your numericalGradient and your backward agree away from kinks', hint: `If they disagree, one of them is wrong: this is the check to run while you write backward. See ${lesson}` },
  { id: 'relative-error-matches-reference', points: 3, name: 'relativeError is the largest |a - b| / max(1e-8, |a| + |b|) over every entry', hint: `Take the maximum over all four parameters' entries, with the 1e-8 floor. See ${lesson}` },
  { id: 'backward-does-not-mutate', points: 1, name: 'backward and numericalGradient leave the network and data unchanged', hint: `numericalGradient must nudge a copy (or restore the exact value). See ${lesson}` },
]);
