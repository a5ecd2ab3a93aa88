// The network the student's train returned, checked to have the shape of the
// one it was given (one input, `units` hidden units, one output) before an
// experiment reads its weights.
import type { Network } from '../../../exercises/types.ts';
import { blockedOn, fieldOf, matrixFrom, numbersFrom } from './ExperimentSource.ts';

export interface Trained {
  net: Network;
  losses: (number | null)[];
}

/** train's reply as a network of `units` hidden units and its losses; Blocked when it is not one. */
export function trainedNet(reply: unknown, units: number, activation: Network['activation']): Trained {
  const raw = fieldOf(reply, 'net', 'training', 'train');
  const losses = numbersFrom(fieldOf(reply, 'losses', 'training', 'train'), 'training', 'train', 'list of losses');
  const W1 = matrixFrom(fieldOf(raw, 'W1', 'training', 'train'), 'training', 'train', 'net.W1', units, 1);
  const b1 = numbersFrom(fieldOf(raw, 'b1', 'training', 'train'), 'training', 'train', 'net.b1 of numbers');
  const W2 = matrixFrom(fieldOf(raw, 'W2', 'training', 'train'), 'training', 'train', 'net.W2', 1, units);
  const b2 = numbersFrom(fieldOf(raw, 'b2', 'training', 'train'), 'training', 'train', 'net.b2 of numbers');
  const finite = [...W1.flat(), ...b1, ...W2.flat(), ...b2].every((v) => v !== null);
  if (b1.length !== units || b2.length !== 1 || !finite) throw blockedOn('training', 'train', 'the network it returned has missing or non-finite numbers');
  return { net: { W1, b1, W2, b2, ...(activation ? { activation } : {}) } as Network, losses };
}
