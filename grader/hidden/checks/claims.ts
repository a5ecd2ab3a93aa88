import { defineChecks } from './CheckMeta.ts';

const lesson = 'exercises/README.md#6-your-claims';

export const claimsChecks = defineChecks('claims', [
  { id: 'linear-example', points: 3, name: 'linearExample: 1 input, 3 hidden ReLU units, 1 output; on [-4, 4] unit 0 dead, units 1 and 2 always on, output exactly linear', hint: `Any weights work if z1 = W1 x + b1 stays <= 0 for unit 0 and > 0 for units 1 and 2 at both ends of [-4, 4]. See ${lesson}` },
  { id: 'nonlinear-example', points: 3, name: 'nonlinearExample: 1 input, 3 hidden ReLU units, 1 output; no dead unit on [-4, 4], two or more kinks inside, outputs at -4, -1, 0, 1, 4 not on one line', hint: `Put the switch points -b1[j] / W1[j][0] inside (-4, 4) with nonzero outgoing weights. See ${lesson}` },
  { id: 'answer-relu-is-linear', points: 1, visibility: 'after_due_date', name: 'answers.reluIsLinear', hint: `Does relu(a + b) always equal relu(a) + relu(b)? See ${lesson}` },
  { id: 'answer-relu-grad-at-zero', points: 1, visibility: 'after_due_date', name: 'answers.reluGradAtZero', hint: `Which slope does the course use at the kink? See ${lesson}` },
  { id: 'answer-dead-means', points: 1, visibility: 'after_due_date', name: 'answers.deadMeans', hint: `A unit that outputs zero once still learns from other samples. See ${lesson}` },
  { id: 'answer-training-favours-linear', points: 0.5, visibility: 'after_due_date', name: 'answers.trainingFavoursLinear', hint: `What does training minimise? See ${lesson}` },
  { id: 'answer-leaky-relu-can-die', points: 0.5, visibility: 'after_due_date', name: 'answers.leakyReluCanDie', hint: `What is Leaky ReLU's slope for z <= 0? See ${lesson}` },
]);
