import { defineChecks } from './CheckMeta.ts';

const lesson = 'exercises/README.md#4-dead-neurons';

export const deadNeuronsChecks = defineChecks('dead-neurons', [
  { id: 'activation-pattern-matches-reference', points: 4, name: 'activationPattern marks unit j on for sample n exactly when z1 > 0', hint: `A unit with z1 exactly 0 is off: its output and its slope are both 0. See ${lesson}` },
  { id: 'dead-neurons-matches-reference', points: 5, name: 'deadNeurons lists the ReLU units with z1 <= 0 on every sample, sorted', hint: `Dead means zero gradient on EVERY sample, not on one: a unit off for some samples still learns from the others. See ${lesson}` },
  { id: 'leaky-units-never-dead', points: 2, name: 'deadNeurons is empty for Leaky ReLU networks with alpha != 0', hint: `A Leaky unit's slope is alpha or 1, never 0, so its gradient is not always zero. See ${lesson}` },
  { id: 'dead-units-have-zero-gradient', points: 3, name: 'every unit you report dead has exactly zero dW1 row and db1 entry', hint: `If a reported unit gets a gradient, it is not dead: check the sign test (z1 <= 0) and that you test all samples. See ${lesson}` },
  { id: 'always-active-matches-reference', points: 4, name: 'alwaysActiveNeurons lists the units with z1 > 0 on every sample, sorted', hint: `Always active means strictly positive on every sample; those units act linearly on this data. See ${lesson}` },
  { id: 'empty-data-set', points: 1, name: 'activationPattern, deadNeurons and alwaysActiveNeurons throw a RangeError on an empty data set', hint: `"Dead on every sample" is vacuous without samples: throw a RangeError. See ${lesson}` },
  { id: 'discussion-linear-example', points: 1, name: 'on the discussion\'s linear example over [-4, 4], unit 0 is dead and units 1 and 2 always active', hint: `With weights 1 and biases -10, 10, 10, z1 = x - 10 < 0 and x + 10 > 0 for every x in [-4, 4]. See ${lesson}` },
]);
