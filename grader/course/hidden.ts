// The ReLU course's hidden face: every check, in the order a student works
// through the modules (then the order each module declares them), and the
// data for the report's pictures and experiments, drawn from the student's
// own functions.
// Only the grading process and the hidden bundle load this file: it reaches
// the reference through the checks.
import type { HiddenFace } from '../assignment/Assignment.ts';
import { activationsChecks } from './checks/activations.ts';
import { backpropChecks } from './checks/backprop.ts';
import { claimsChecks } from './checks/claims.ts';
import { deadNeuronsChecks } from './checks/dead-neurons.ts';
import { forwardChecks } from './checks/forward.ts';
import { linearityChecks } from './checks/linearity.ts';
import { trainingChecks } from './checks/training.ts';
import { collectPlots } from './collectPlots.ts';
import { runExperiments } from './experiments/runExperiments.ts';
import { replyContracts } from './replyContracts.ts';

export const hidden: HiddenFace = {
  checks: [...activationsChecks, ...forwardChecks, ...backpropChecks, ...deadNeuronsChecks, ...linearityChecks, ...claimsChecks, ...trainingChecks],
  plots: async (source) => ({ ...(await collectPlots(source)), experiments: await runExperiments(source) }),
  replyContracts,
};
