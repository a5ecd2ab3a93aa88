// Which exported function (or value) of the student's file each hidden check
// exercises, so CI can point at it (a GitHub annotation on its line). A check
// that exercises several names one after another lists the first to look at.
// Only the hidden bundle and the full CLI carry this table: it names every
// hidden check, so the student edition must not.

export const CHECK_FUNCTIONS: Readonly<Record<string, string>> = {
  'activations.relu-matches-reference': 'relu',
  'activations.relu-grad-matches-reference': 'reluGrad',
  'activations.relu-grad-at-zero': 'reluGrad',
  'activations.leaky-relu-matches-reference': 'leakyRelu',
  'activations.leaky-relu-grad-matches-reference': 'leakyReluGrad',
  'forward.dense-matches-reference': 'dense',
  'forward.dense-shape-mismatch': 'dense',
  'forward.forward-matches-reference': 'forward',
  'forward.forward-leaky-matches-reference': 'forward',
  'forward.predict-matches-reference': 'predict',
  'forward.forward-does-not-mutate': 'forward',
  'forward.forward-shape-mismatch': 'forward',
  'backprop.mse-loss-matches-reference': 'mseLoss',
  'backprop.mse-loss-empty-data': 'mseLoss',
  'backprop.backward-matches-reference': 'backward',
  'backprop.backward-leaky-matches-reference': 'backward',
  'backprop.backward-agrees-with-numerical': 'backward',
  'backprop.numerical-gradient-matches-reference': 'numericalGradient',
  'backprop.numerical-gradient-agrees-with-own-backward': 'numericalGradient',
  'backprop.relative-error-matches-reference': 'relativeError',
  'backprop.backward-does-not-mutate': 'backward',
  'dead-neurons.activation-pattern-matches-reference': 'activationPattern',
  'dead-neurons.dead-neurons-matches-reference': 'deadNeurons',
  'dead-neurons.leaky-units-never-dead': 'deadNeurons',
  'dead-neurons.dead-units-have-zero-gradient': 'deadNeurons',
  'dead-neurons.always-active-matches-reference': 'alwaysActiveNeurons',
  'dead-neurons.empty-data-set': 'activationPattern',
  'dead-neurons.discussion-linear-example': 'deadNeurons',
  'linearity.kinks-match-reference': 'kinks',
  'linearity.kinks-open-interval': 'kinks',
  'linearity.kinks-distinct': 'kinks',
  'linearity.is-linear-on-matches-reference': 'isLinearOn',
  'linearity.linear-means-affine': 'isLinearOn',
  'claims.linear-example': 'linearExample',
  'claims.nonlinear-example': 'nonlinearExample',
  'claims.answer-relu-is-linear': 'answers',
  'claims.answer-relu-grad-at-zero': 'answers',
  'claims.answer-dead-means': 'answers',
  'claims.answer-training-favours-linear': 'answers',
  'claims.answer-leaky-relu-can-die': 'answers',
  'training.sgd-step-matches-reference': 'sgdStep',
  'training.sgd-step-does-not-mutate': 'sgdStep',
  'training.train-matches-reference': 'train',
  'training.train-records-loss-before-step': 'train',
  'training.training-never-moves-dead-unit': 'train',
  'training.training-moves-leaky-unit': 'train',
  'training.revive-revives-every-dead-unit': 'reviveDeadNeurons',
  'training.revive-leaves-others-alone': 'reviveDeadNeurons',
};

/** The function check `id` exercises, or null for a check the table does not know. */
export function functionOfCheck(id: string): string | null {
  return CHECK_FUNCTIONS[id] ?? null;
}
