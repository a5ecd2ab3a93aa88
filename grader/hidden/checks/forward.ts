import { defineChecks } from './CheckMeta.ts';

const lesson = 'exercises/README.md#2-the-forward-pass';

export const forwardChecks = defineChecks('forward', [
  { id: 'dense-matches-reference', points: 4, name: 'dense(W, b, x) equals W x + b on generated layers, including non-square and zero weights', hint: `Row j of W holds the weights into output j: out[j] = sum_i W[j][i] x[i] + b[j]. See ${lesson}` },
  { id: 'dense-shape-mismatch', points: 1, name: 'dense throws a RangeError when W, b and x do not fit', hint: `Check W's row lengths against x and b's length against W's rows, and throw a RangeError naming both shapes. See ${lesson}` },
  { id: 'forward-matches-reference', points: 4, name: 'forward returns z1, a1 and yHat equal to the reference on ReLU networks', hint: `z1 = W1 x + b1, a1 = relu(z1), yHat = W2 a1 + b2. See ${lesson}` },
  { id: 'forward-leaky-matches-reference', points: 2, name: 'forward applies Leaky ReLU with the network\'s alpha when activation.kind is leakyRelu', hint: `Read net.activation: absent means ReLU. See ${lesson}` },
  { id: 'predict-matches-reference', points: 2, name: 'predict(net, x) equals forward(net, x).yHat', hint: `predict is the output of forward. See ${lesson}` },
  { id: 'forward-does-not-mutate', points: 1, name: 'forward leaves its network and input unchanged', hint: `Build new arrays (map) instead of writing into the inputs. See ${lesson}` },
  { id: 'forward-shape-mismatch', points: 1, name: 'forward throws a RangeError when the input does not fit W1', hint: `An input of the wrong length is a RangeError naming both shapes. See ${lesson}` },
]);
