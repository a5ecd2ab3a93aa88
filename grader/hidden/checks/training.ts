import { defineChecks } from './CheckMeta.ts';

const lesson = 'exercises/README.md#7-training-and-revival';

export const trainingChecks = defineChecks('training', [
  { id: 'sgd-step-matches-reference', points: 2, name: 'sgdStep returns a network with every parameter p - lr * dp, keeping the activation', hint: `Step against the gradient: minus, not plus. See ${lesson}` },
  { id: 'sgd-step-does-not-mutate', points: 1, name: 'sgdStep leaves the network and the gradients unchanged', hint: `Return a new network built with map. See ${lesson}` },
  { id: 'train-matches-reference', points: 2, name: 'train returns the reference\'s network and losses after the given epochs', hint: `One full-batch step per epoch, recording the loss first. See ${lesson}` },
  { id: 'train-records-loss-before-step', points: 1, name: 'losses has one entry per epoch and losses[0] is the loss of the untrained network', hint: `Record mseLoss at the start of each epoch, before the step. See ${lesson}` },
  { id: 'training-never-moves-dead-unit', points: 1, name: 'training leaves a dead ReLU unit\'s incoming weights and bias exactly unchanged', hint: `A dead unit's gradients are exactly zero, so p - lr * 0 = p. See ${lesson}` },
  { id: 'training-moves-leaky-unit', points: 1, name: 'training moves a Leaky ReLU unit that ReLU would leave dead', hint: `Leaky ReLU's slope alpha lets gradient through for z1 <= 0. See ${lesson}` },
  { id: 'revive-revives-every-dead-unit', points: 1, name: 'after reviveDeadNeurons every formerly dead unit is on for at least one sample', hint: `Redraw the unit's weights and bias from rng until it is on for some sample. See ${lesson}` },
  { id: 'revive-leaves-others-alone', points: 1, name: 'reviveDeadNeurons leaves live units, the output layer and its input network unchanged', hint: `Copy the network, then change only the dead units' rows of W1 and entries of b1. See ${lesson}` },
]);
