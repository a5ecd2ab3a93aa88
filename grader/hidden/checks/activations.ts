import { defineChecks } from './CheckMeta.ts';

const lesson = 'exercises/README.md#1-activations';

export const activationsChecks = defineChecks('activations', [
  { id: 'relu-matches-reference', points: 3, name: 'relu(z) equals max(0, z) for generated z, including 0, -0, tiny and large values', hint: `relu passes positive z through and returns 0 otherwise. See ${lesson}` },
  { id: 'relu-grad-matches-reference', points: 2, name: 'reluGrad(z) is 1 for z > 0 and 0 for z < 0', hint: `The slope of max(0, z) is 1 on the right piece and 0 on the left. See ${lesson}` },
  { id: 'relu-grad-at-zero', points: 1, name: 'reluGrad(0) and reluGrad(-0) are 0 (the kink convention)', hint: `At the kink z = 0 the course (like PyTorch, TensorFlow and JAX) uses slope 0: test z > 0, not z >= 0. See ${lesson}` },
  { id: 'leaky-relu-matches-reference', points: 2, name: 'leakyRelu(z, alpha) is z for z > 0 and alpha * z otherwise, with alpha defaulting to 0.01', hint: `The leak multiplies the negative side only. See ${lesson}` },
  { id: 'leaky-relu-grad-matches-reference', points: 2, name: 'leakyReluGrad(z, alpha) is 1 for z > 0 and alpha otherwise, including at z = 0', hint: `The leaky slope is alpha at the kink too, so a Leaky unit always passes some gradient. See ${lesson}` },
]);
