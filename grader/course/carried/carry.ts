// What the course's functions should return given the student's *own*
// upstream results (error carried forward, grader/harness/carried.ts): the
// reference's formulas applied to plain values the student's functions
// returned in the sandbox. A correct backward on top of a wrong forward, a
// correct deadNeurons on a wrong z1, a correct train on a wrong backward keep
// their points; the mistake is charged once, in its own task.
//
// Which upstream functions a student's function uses is the student's
// choice; these follow the contract's own dependencies (forward is dense and
// an activation, mseLoss and backward run forward and the activation's slope,
// the dead-unit functions read forward's z1, numericalGradient nudges
// mseLoss, train steps with mseLoss, backward and sgdStep).
import type { ForwardCache, Gradients, Network, Vector } from '../../../exercises/types.ts';
import * as refActivations from '../../../solutions/activations.ts';
import * as refBackprop from '../../../solutions/backprop.ts';
import * as refDeadNeurons from '../../../solutions/dead-neurons.ts';
import * as refForward from '../../../solutions/forward.ts';
import * as refTraining from '../../../solutions/training.ts';
import { formatCall, formatValue } from '../../core/formatValue.ts';
import { type Carried, UpstreamThrew } from '../../harness/carried.ts';
import { GradingFailure } from '../../harness/GradingFailure.ts';
import { credible } from './credible.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';
import { firstDifference, VALUE_TOLERANCE } from '../../harness/tolerances.ts';
import { gradientsOfPasses, lossOfOutputs } from './chainRule.ts';

/** Characters of a value in a "wrong at" sentence. */
const SHOWN = 240;

/** One upstream call of the student's, with the reference's answer to it. */
interface Upstream {
  module: string;
  name: string;
  args: unknown[];
  /** the reference's answer to the same call */
  expected: unknown;
}

/**
 * Calls every upstream call in one round trip per function; the answers in
 * order. A call that threw (where the reference returns) throws
 * UpstreamThrew; one that hung or crashed throws its GradingFailure.
 */
async function answersOf(student: StudentCode, calls: readonly Upstream[]): Promise<unknown[]> {
  await student.prefetch(calls.map(({ module, name, args }) => ({ module, name, args })));
  const answers: unknown[] = [];
  for (const c of calls) {
    const outcome = await student.outcome(c.module, c.name, c.args);
    if (outcome.kind === 'threw') {
      // a throw is carried only from a function that does its work somewhere (credible.ts)
      if (!(await credible(student, c.name))) throw new GradingFailure(`${c.name} carries nothing: it does not do its work on any probe`, { status: 'failed' });
      throw new UpstreamThrew(c.name, formatCall(c.name, c.args, SHOWN / 2), outcome.error);
    }
    answers.push(student.settle(outcome, () => formatCall(c.name, c.args)));
  }
  return answers;
}

/** The first upstream answer that differs from the reference's, in words, or null. */
function wrongAt(calls: readonly Upstream[], answers: readonly unknown[], tolerance = VALUE_TOLERANCE): string | null {
  const at = calls.findIndex((c, i) => firstDifference(answers[i], c.expected, tolerance) !== null);
  if (at < 0) return null;
  const c = calls[at];
  return `${formatCall(c.name, c.args, SHOWN / 2)} returned ${formatValue(answers[at], SHOWN)}, expected ${formatValue(c.expected, SHOWN)}`;
}

const isNumbers = (v: unknown, length: number): v is number[] => Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number');

/** A forward pass of `net`'s sizes, or null. */
function passOf(net: Network, v: unknown): ForwardCache | null {
  const c = v as Partial<ForwardCache> | null;
  if (c === null || typeof c !== 'object') return null;
  const hidden = net.W1.length;
  const outputs = net.W2.length;
  return isNumbers(c.z1, hidden) && isNumbers(c.a1, hidden) && isNumbers(c.yHat, outputs) ? { z1: c.z1, a1: c.a1, yHat: c.yHat } : null;
}

/** The student's forward pass of every sample, with where it is wrong; null when one has the wrong shape. */
async function ownPasses(student: StudentCode, net: Network, X: readonly Vector[]): Promise<{ passes: ForwardCache[]; wrong: string | null } | null> {
  const calls = X.map((x): Upstream => ({ module: 'forward', name: 'forward', args: [net, x], expected: refForward.forward(net, x) }));
  const answers = await answersOf(student, calls);
  const passes = answers.map((a) => passOf(net, a));
  if (passes.some((p) => p === null)) return null;
  return { passes: passes as ForwardCache[], wrong: wrongAt(calls, answers) };
}

/**
 * A carried expectation: the answer built from `upstream`'s values, and
 * where that upstream is wrong (null: it agrees with the reference). Null
 * instead when it is wrong without doing its work anywhere (credible.ts): a
 * degenerate upstream carries nothing.
 */
async function carried(student: StudentCode, upstream: string, expected: unknown, wrong: string | null): Promise<Carried | null> {
  if (wrong !== null && !(await credible(student, upstream))) return null;
  return { expected, upstream, wrongAt: wrong };
}

/**
 * forward(net, x) with the student's own activation (relu or leakyRelu) and
 * the reference's dense: forward's work, on the activation task's values. A
 * wrong dense is forward's own task, so it carries nothing.
 */
export async function carryForward(student: StudentCode, net: Network, x: Vector): Promise<Carried | null> {
  const act = net.activation;
  const leaky = act?.kind === 'leakyRelu';
  const z1 = refForward.dense(net.W1, net.b1, x);
  const activations = z1.map((z): Upstream =>
    leaky
      ? { module: 'activations', name: 'leakyRelu', args: [z, act.alpha], expected: refActivations.leakyRelu(z, act.alpha) }
      : { module: 'activations', name: 'relu', args: [z], expected: refActivations.relu(z) },
  );
  const a1 = await answersOf(student, activations);
  if (!isNumbers(a1, z1.length)) return null;
  return carried(student, leaky ? 'leakyRelu' : 'relu', { z1, a1, yHat: refForward.dense(net.W2, net.b2, a1) }, wrongAt(activations, a1));
}

/** predict(net, x) with the student's own activation, as in carryForward. */
export async function carryPredict(student: StudentCode, net: Network, x: Vector): Promise<Carried | null> {
  const pass = await carryForward(student, net, x);
  return pass && { ...pass, expected: (pass.expected as ForwardCache).yHat };
}

/** mseLoss(net, X, Y) from the student's own forward. */
export async function carryLoss(student: StudentCode, net: Network, X: Vector[], Y: Vector[]): Promise<Carried | null> {
  const own = await ownPasses(student, net, X);
  return (
    own &&
    carried(
      student,
      'forward',
      lossOfOutputs(
        own.passes.map((p) => p.yHat),
        Y,
      ),
      own.wrong,
    )
  );
}

/** backward(net, X, Y) from the student's own forward and the slope of their activation (reluGrad or leakyReluGrad). */
export async function carryBackward(student: StudentCode, net: Network, X: Vector[], Y: Vector[]): Promise<Carried | null> {
  const own = await ownPasses(student, net, X);
  if (own === null) return null;
  const act = net.activation;
  const gateCalls = own.passes.flatMap(({ z1 }) =>
    z1.map((z): Upstream =>
      act?.kind === 'leakyRelu'
        ? { module: 'activations', name: 'leakyReluGrad', args: [z, act.alpha], expected: refActivations.leakyReluGrad(z, act.alpha) }
        : { module: 'activations', name: 'reluGrad', args: [z], expected: refActivations.reluGrad(z) },
    ),
  );
  const slopes = await answersOf(student, gateCalls);
  if (!isNumbers(slopes, gateCalls.length)) return null;
  const hidden = net.W1.length;
  const gates = own.passes.map((_, n) => slopes.slice(n * hidden, (n + 1) * hidden));
  const expected = gradientsOfPasses(net, X, Y, own.passes, gates);
  if (own.wrong !== null) return carried(student, 'forward', expected, own.wrong);
  return carried(student, gateCalls[0]?.name ?? 'reluGrad', expected, wrongAt(gateCalls, slopes));
}

/** The networks numericalGradient evaluates the loss at: each parameter nudged by +eps and -eps, in the reference's order. */
function nudged(net: Network, eps: number): Network[] {
  const out: Network[] = [];
  const copy = (): Network => ({ ...net, W1: net.W1.map((r) => [...r]), b1: [...net.b1], W2: net.W2.map((r) => [...r]), b2: [...net.b2] });
  const each = (pick: (n: Network) => number[], i: number) => {
    for (const d of [eps, -eps]) {
      const n = copy();
      pick(n)[i] += d;
      out.push(n);
    }
  };
  net.W1.forEach((row, j) => row.forEach((_, i) => each((n) => n.W1[j], i)));
  net.b1.forEach((_, j) => each((n) => n.b1, j));
  net.W2.forEach((row, k) => row.forEach((_, j) => each((n) => n.W2[k], j)));
  net.b2.forEach((_, k) => each((n) => n.b2, k));
  return out;
}

/** numericalGradient(net, X, Y, eps) by central differences of the student's own mseLoss. */
export async function carryNumerical(student: StudentCode, net: Network, X: Vector[], Y: Vector[], eps = 1e-5): Promise<Carried | null> {
  const calls = nudged(net, eps).map((n): Upstream => ({ module: 'backprop', name: 'mseLoss', args: [n, X, Y], expected: refBackprop.mseLoss(n, X, Y) }));
  const losses = await answersOf(student, calls);
  if (!isNumbers(losses, calls.length)) return null;
  let at = 0;
  const slope = () => {
    const value = (losses[at] - losses[at + 1]) / (2 * eps);
    at += 2;
    return value;
  };
  const expected: Gradients = {
    dW1: net.W1.map((row) => row.map(slope)),
    db1: net.b1.map(slope),
    dW2: net.W2.map((row) => row.map(slope)),
    db2: net.b2.map(slope),
  };
  return carried(student, 'mseLoss', expected, wrongAt(calls, losses));
}

/** z1 of each sample by the student's own forward, for the dead-unit functions. */
async function ownZ1(student: StudentCode, net: Network, X: Vector[]): Promise<{ z1s: number[][]; wrong: string | null } | null> {
  const own = await ownPasses(student, net, X);
  return own && { z1s: own.passes.map((p) => p.z1), wrong: own.wrong };
}

/** activationPattern(net, X) from the student's own z1. */
export async function carryPattern(student: StudentCode, net: Network, X: Vector[]): Promise<Carried | null> {
  const own = await ownZ1(student, net, X);
  return (
    own &&
    carried(
      student,
      'forward',
      own.z1s.map((z1) => z1.map((z) => z > 0)),
      own.wrong,
    )
  );
}

/** deadNeurons(net, X) from the student's own z1: for ReLU (and Leaky with alpha 0), the units with z1 <= 0 on every sample. */
export async function carryDead(student: StudentCode, net: Network, X: Vector[]): Promise<Carried | null> {
  const own = await ownZ1(student, net, X);
  if (own === null) return null;
  const act = net.activation;
  const canDie = act?.kind !== 'leakyRelu' || act.alpha === 0;
  const dead = canDie ? net.W1.map((_, j) => j).filter((j) => own.z1s.every((z1) => z1[j] <= 0)) : [];
  return carried(student, 'forward', dead, own.wrong);
}

/** alwaysActiveNeurons(net, X) from the student's own z1. */
export async function carryAlwaysActive(student: StudentCode, net: Network, X: Vector[]): Promise<Carried | null> {
  const own = await ownZ1(student, net, X);
  return (
    own &&
    carried(
      student,
      'forward',
      net.W1.map((_, j) => j).filter((j) => own.z1s.every((z1) => z1[j] > 0)),
      own.wrong,
    )
  );
}

/**
 * train(net, X, Y, { epochs, lr }) run with the student's own mseLoss,
 * backward and sgdStep, epoch by epoch (each step needs the one before).
 */
export async function carryTrain(
  student: StudentCode,
  net: Network,
  X: Vector[],
  Y: Vector[],
  options: { epochs: number; lr: number },
): Promise<Carried | null> {
  try {
    return await trainCarried(student, net, X, Y, options);
  } catch (e) {
    // the reference itself throws on a student's network of the wrong shape: nothing to carry
    if (e instanceof RangeError) return null;
    throw e;
  }
}

async function trainCarried(student: StudentCode, net: Network, X: Vector[], Y: Vector[], options: { epochs: number; lr: number }): Promise<Carried | null> {
  const losses: number[] = [];
  let current = net;
  let wrong: { upstream: string; at: string } | null = null;
  for (let e = 0; e < options.epochs; e++) {
    const loss: Upstream = { module: 'backprop', name: 'mseLoss', args: [current, X, Y], expected: refBackprop.mseLoss(current, X, Y) };
    const grads: Upstream = { module: 'backprop', name: 'backward', args: [current, X, Y], expected: refBackprop.backward(current, X, Y) };
    const [l, g] = await answersOf(student, [loss, grads]);
    if (typeof l !== 'number' || g === null || typeof g !== 'object') return null;
    const step: Upstream = {
      module: 'training',
      name: 'sgdStep',
      args: [current, g, options.lr],
      expected: refTraining.sgdStep(current, g as Gradients, options.lr),
    };
    const [next] = await answersOf(student, [step]);
    if (next === null || typeof next !== 'object') return null;
    for (const [c, answer] of [
      [loss, l],
      [grads, g],
      [step, next],
    ] as const) {
      const at: string | null = wrong === null ? wrongAt([c], [answer]) : null;
      if (at !== null) wrong = { upstream: c.name, at };
    }
    losses.push(l);
    current = next as Network;
  }
  return wrong === null ? carried(student, 'backward', { net: current, losses }, null) : carried(student, wrong.upstream, { net: current, losses }, wrong.at);
}

/** The student's own mseLoss(net, X, Y): what train should record first, carried. */
export async function carryOwnLoss(student: StudentCode, net: Network, X: Vector[], Y: Vector[]): Promise<Carried | null> {
  const call: Upstream = { module: 'backprop', name: 'mseLoss', args: [net, X, Y], expected: refBackprop.mseLoss(net, X, Y) };
  const [loss] = await answersOf(student, [call]);
  return typeof loss === 'number' ? carried(student, 'mseLoss', loss, wrongAt([call], [loss])) : null;
}

/**
 * A revival judged by the student's own deadNeurons and forward: every unit
 * their deadNeurons calls dead on X is on for some sample by their forward
 * afterwards, and every other parameter is unchanged (either may be the
 * wrong upstream: a revival loop stops when the student's forward says on). The carried
 * expectation is the revival itself when so (it is right for the units the
 * student's own functions call dead), else null.
 */
export async function carryRevival(student: StudentCode, net: Network, X: Vector[], revived: Network): Promise<Carried | null> {
  const call: Upstream = { module: 'dead-neurons', name: 'deadNeurons', args: [net, X], expected: refDeadNeurons.deadNeurons(net, X) };
  const [dead] = await answersOf(student, [call]);
  if (!Array.isArray(dead) || !dead.every((j) => Number.isInteger(j) && j >= 0 && j < net.W1.length)) return null;
  const deadWrong = wrongAt([call], [dead]);
  let own: Awaited<ReturnType<typeof ownPasses>>;
  try {
    own = await ownPasses(student, revived, X);
  } catch (e) {
    if (e instanceof RangeError) return null; // a revived network of the wrong shape: the reference cannot run it
    throw e;
  }
  if (own === null) return null;
  const wrong = deadWrong ?? own.wrong;
  if (wrong === null) return null;
  const unchanged = (a: unknown, b: unknown) => firstDifference(a, b, 0) === null;
  const othersAlone =
    net.W1.every((row, j) => dead.includes(j) || (unchanged(revived.W1?.[j], row) && unchanged(revived.b1?.[j], net.b1[j]))) &&
    unchanged(revived.W2, net.W2) &&
    unchanged(revived.b2, net.b2);
  const allOn = dead.every((j: number) => own.passes.some((p) => p.z1[j] > 0));
  return othersAlone && allOn ? carried(student, deadWrong !== null ? 'deadNeurons' : 'forward', revived, wrong) : null;
}
