// Error carried forward forgives a wrong upstream result, not a degenerate
// one. A forward that returns zeros of the right shapes makes the chain rule
// collapse (every gate 0, every dW1 0): carried, a backward that returns
// zeros would keep its points, and a deadNeurons that lists every unit too.
// So nothing is carried from an upstream function unless it does its task's
// work: on a few probes it agrees with the reference in some part whose
// answer is not trivial (for forward: in z1, which the gates and dead units
// read), or its answers look like work though wrong (no part trivial where
// the reference's is not, and not the same for every probe: a loss without
// its 1/2, a step that ascends). The probes are easy cases on which the
// usual single mistakes are still right (ReLU networks with zero biases,
// both sides of the kink, alpha 1), drawn with the job's seed so they
// cannot be looked up.
import fc from 'fast-check';
import type { Gradients, Network, Vector } from '../../../exercises/types.ts';
import * as refActivations from '../../../solutions/activations.ts';
import * as refBackprop from '../../../solutions/backprop.ts';
import * as refDeadNeurons from '../../../solutions/dead-neurons.ts';
import * as refForward from '../../../solutions/forward.ts';
import * as refTraining from '../../../solutions/training.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';
import { firstDifference } from '../../harness/tolerances.ts';
import { problem, type Problem } from '../arbitraries.ts';

/** One probe: a call and the reference's answer to it. */
interface Probe {
  module: string;
  name: string;
  args: unknown[];
  expected: unknown;
}

/** Probes drawn per upstream function. */
const PROBES = 4;

/** The problem with its biases set to 0, so a forward (or dense) that forgets them is right on it. */
const withoutBias = ({ net, X, Y }: Problem): Problem => ({ net: { ...net, b1: net.b1.map(() => 0), b2: net.b2.map(() => 0) }, X, Y });

/** A network with a unit alive (weight 1) beside one dead on positive inputs (weight -1: unit 1, so the answer [1] is not all zeros), scaled by `s`, and positive data. */
const withDeadUnit = (s: number): { net: Network; X: Vector[] } => ({
  net: { W1: [[s], [-s]], b1: [0, 0], W2: [[1, 1]], b2: [0] },
  X: [[1], [2 * s]],
});

/** Whether an answer is trivial: all zeros, all false, empty. */
function trivial(v: unknown): boolean {
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return v.every(trivial);
  if (v !== null && typeof v === 'object') return Object.values(v).every(trivial);
  return true;
}

/** The probes of `name`, from problems drawn with `seed`. */
function probesOf(name: string, seed: number): Probe[] {
  // networks whose every sample has an output that is not 0: on a network that outputs zeros, a forward returning zeros is right
  const problems = fc
    .sample(problem('relu', 3), { seed, numRuns: 8 * PROBES })
    .map(withoutBias)
    .filter(({ net, X }) => X.every((x) => !trivial(refForward.forward(net, x).yHat)))
    .slice(0, PROBES);
  // one data set, its network scaled: an answer that ignores the network (a loss of a forward of zeros) is the same on all of them
  const first = problems.find(({ X }) => X.length > 1) ?? problems[0];
  const scaled = first
    ? [1, 2, 3, 4].map((k): Problem => ({
        ...first,
        net: { ...first.net, W1: first.net.W1.map((r) => r.map((w) => k * w)), W2: first.net.W2.map((r) => r.map((w) => k * w)) },
      }))
    : [];
  const scales = fc.sample(fc.integer({ min: 1, max: 8 }), { seed, numRuns: PROBES });
  const z = scales.map((s) => s / 2);
  switch (name) {
    case 'forward':
      return problems.map(({ net, X }) => ({ module: 'forward', name, args: [net, X[0]], expected: refForward.forward(net, X[0]) }));
    case 'relu':
      return z.map((v) => ({ module: 'activations', name, args: [v], expected: refActivations.relu(v) }));
    case 'leakyRelu':
      // alpha 1 too: a leak on the wrong side is still right there
      return z.flatMap((v) =>
        [
          [v, 0.1],
          [-v, 0.1],
          [v, 1],
        ].map((args) => ({ module: 'activations', name, args, expected: refActivations.leakyRelu(args[0], args[1]) })),
      );
    case 'reluGrad':
      return z.map((v) => ({ module: 'activations', name, args: [v], expected: refActivations.reluGrad(v) }));
    case 'leakyReluGrad':
      return z.flatMap((v) =>
        [
          [v, 0.1],
          [-v, 0.1],
          [v, 1],
        ].map((args) => ({ module: 'activations', name, args, expected: refActivations.leakyReluGrad(args[0], args[1]) })),
      );
    case 'mseLoss':
      return scaled.map(({ net, X, Y }) => ({ module: 'backprop', name, args: [net, X, Y], expected: refBackprop.mseLoss(net, X, Y) }));
    case 'backward':
      return scaled.map(({ net, X, Y }) => ({ module: 'backprop', name, args: [net, X, Y], expected: refBackprop.backward(net, X, Y) }));
    case 'sgdStep':
      return scaled.map(({ net, X, Y }) => {
        const g: Gradients = refBackprop.backward(net, X, Y);
        return { module: 'training', name, args: [net, g, 0.5], expected: refTraining.sgdStep(net, g, 0.5) };
      });
    case 'deadNeurons':
      return scales.map((s) => {
        const { net, X } = withDeadUnit(s);
        return { module: 'dead-neurons', name, args: [net, X], expected: refDeadNeurons.deadNeurons(net, X) };
      });
    default:
      return [];
  }
}

/** Per student (one per graded submission) and upstream function: whether it is credible. */
const known = new WeakMap<StudentCode, Map<string, Promise<boolean>>>();

/** Whether the student's upstream function `name` does its task's work (see above); asked once per graded submission and function. */
export function credible(student: StudentCode, name: string): Promise<boolean> {
  let mine = known.get(student);
  if (!mine) known.set(student, (mine = new Map()));
  let answer = mine.get(name);
  if (!answer) {
    answer = probe(student, name);
    mine.set(name, answer);
  }
  return answer;
}

async function probe(student: StudentCode, name: string): Promise<boolean> {
  const probes = probesOf(name, student.job.seed).filter((p) => !trivial(p.expected));
  if (probes.length === 0) return false;
  await student.prefetch(probes.map(({ module, name: fn, args }) => ({ module, name: fn, args })));
  const answers: unknown[] = [];
  for (const p of probes) {
    const outcome = await student.outcome(p.module, p.name, p.args);
    answers.push(outcome.kind === 'returned' ? outcome.value : undefined);
  }
  const agrees = (part?: string) => probes.some((p, i) => agreesIn(answers[i], p.expected, part));
  // forward's downstream reads z1 first (the gates, the dead units): it must be right somewhere
  if (name === 'forward') return agrees('z1') && working(answers, probes);
  return agrees() || working(answers, probes);
}

/** The parts of an answer: an object's fields, or the answer itself. */
function parts(v: unknown): [string, unknown][] {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : [['', v]];
}

/** Whether `answer` equals the reference's `expected` in some part that is not trivial (in `part` only, when given). */
function agreesIn(answer: unknown, expected: unknown, part?: string): boolean {
  const mine = new Map(parts(answer));
  return parts(expected).some(([k, e]) => (part === undefined || k === part) && !trivial(e) && mine.has(k) && firstDifference(mine.get(k), e) === null);
}

/**
 * Whether the answers look like work, though wrong (a loss without its 1/2,
 * a step that ascends): every part the reference's answer has that is not
 * trivial is not trivial in the student's either, and the answers change
 * with the input (a constant answers nothing).
 */
function working(answers: readonly unknown[], probes: readonly Probe[]): boolean {
  const filled = answers.every((a, i) => {
    if (a === undefined) return false;
    const mine = new Map(parts(a));
    return parts(probes[i].expected).every(([k, e]) => trivial(e) || (mine.has(k) && !trivial(mine.get(k))));
  });
  return filled && new Set(answers.map((a) => JSON.stringify(a))).size > 1;
}
