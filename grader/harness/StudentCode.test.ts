// StudentCode over a real sandbox: how a call group that hangs, a module that does
// not load and a function that ends the process come out for the checks.
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { assignment } from '../course/assignment.ts';
import { compileSubmission } from '../sandbox/compileSubmission.ts';
import { makeSubmission, referenceText, type TestSubmission } from '../sandbox/testing/makeSubmission.ts';
import type { JobContext } from './job.ts';
import { PROBE_MODULE } from './plannedCall.ts';
import { type ReplyContracts, vector } from './replyContracts.ts';
import { StudentCode } from './StudentCode.ts';

const opened: { student: StudentCode; submission: TestSubmission }[] = [];
afterEach(async () => {
  for (const { student, submission } of opened.splice(0)) {
    await student.close();
    await submission.cleanup();
  }
});

const EXTRA = `
export const spinAt = (i: number, at: number) => { if (i === at) for (;;) {} return i * 10; };
export const exits = (x: number) => { if (x > 0) process.exit(3); return x; };
`;

async function studentWith(files: Record<string, string>, callTimeoutMs = 1_500, replyContracts?: ReplyContracts): Promise<StudentCode> {
  const submission = await makeSubmission(files);
  await compileSubmission(
    submission.submissionDir,
    submission.codeDir,
    assignment.modules.map((m) => m.name),
  );
  const job: JobContext = {
    id: 'test',
    hiddenEntry: assignment.hiddenEntry,
    codeDir: submission.codeDir,
    unavailable: {},
    callTimeoutMs,
    memoryMb: 128,
    deadlineMs: 60_000,
    seed: 1,
    numRuns: 10,
    plots: false,
    memoDir: null,
  };
  // the probe sits beside the compiled code, as prepareJob puts it
  await fs.copyFile(path.join(import.meta.dirname, 'probe.mjs'), path.join(submission.codeDir, `${PROBE_MODULE}.mjs`));
  const student = await StudentCode.open(job, { replyContracts });
  opened.push({ student, submission });
  return student;
}

const withExtra = async () => ({ 'activations.ts': `${await referenceText('activations.ts')}\n${EXTRA}` });

describe('StudentCode call groups', () => {
  it('reports the call of a call group that hung with its own input, after one time limit, and hands out the calls before it', async () => {
    const student = await studentWith(await withExtra());
    const calls = [0, 1, 2, 3].map((i) => ({ module: 'activations', name: 'spinAt', args: [i, 2] }));
    await student.prefetch(calls);
    expect(await student.call('activations', 'spinAt', calls[0].args)).toBe(0);
    expect(await student.call('activations', 'spinAt', calls[1].args)).toBe(10);
    const t0 = performance.now();
    const failure = await student.call('activations', 'spinAt', calls[2].args).catch((e: unknown) => e);
    // handed out from the call group: not run into its time limit a second time
    expect(performance.now() - t0).toBeLessThan(750);
    expect(failure).toMatchObject({ message: 'spinAt(2, 2) did not return within 1500 ms (an endless loop?)', details: { status: 'timed-out' } });
    expect(student.failsForAnyInput(failure)).toBe(true);
    // later calls of the function fail at once; other functions still run
    await expect(student.call('activations', 'spinAt', [3, 2])).rejects.toBe(failure);
    expect(await student.call('activations', 'relu', [2])).toBe(2);
  });

  it('answers every call of a module that throws while loading alike, without restarting, and says shrinking is pointless', async () => {
    const student = await studentWith({ 'dead-neurons.ts': `throw new Error('not finished yet');\nexport const deadUnits = () => [];\n` });
    await student.prefetch([1, 2].map((i) => ({ module: 'dead-neurons', name: 'deadUnits', args: [i] })));
    const first = await student.call('dead-neurons', 'deadUnits', [1]).catch((e: unknown) => e);
    expect(first).toMatchObject({
      message: expect.stringContaining('exercises/dead-neurons.ts threw while loading: not finished yet'),
      details: { status: 'errored' },
    });
    expect(student.failsForAnyInput(first)).toBe(true);
    expect(await student.call('activations', 'relu', [-1])).toBe(0);
  });

  it('turns process.exit in a call into an error of that call, for that input only', async () => {
    const student = await studentWith(await withExtra());
    expect(await student.call('activations', 'exits', [0])).toBe(0);
    const failure = await student.call('activations', 'exits', [1]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ message: expect.stringContaining('exits(1) threw Error: process.exit(3) was called'), details: { status: 'errored' } });
    expect(student.failsForAnyInput(failure)).toBe(false);
    expect(await student.call('activations', 'exits', [-2])).toBe(-2);
  });
});

describe('StudentCode holds replies to their contracts', () => {
  const PADDED = `
export function train(net: Network, X: Vector[], Y: Vector[], { epochs, lr }: TrainOptions): TrainResult {
  const losses: number[] = new Array(600_000).fill(0);
  let current = net;
  for (let e = 0; e < epochs; e++) {
    losses[e] = mseLoss(current, X, Y);
    current = sgdStep(current, backward(current, X, Y), lr);
  }
  return { net: current, losses };
}`;
  const net = { W1: [[0.5], [-0.5]], b1: [0.25, 0.5], W2: [[0.5, -0.25]], b2: [0] };
  const args = [net, [[1], [2]], [[0], [1]], { epochs: 3, lr: 0.1 }];
  // train's contract as a course would declare it
  const contracts: ReplyContracts = {
    'training.train': ([, , , options]) => {
      const epochs = (options as { epochs: number }).epochs;
      return { object: { net: { within: 100 }, losses: vector(epochs, `one loss per epoch, ${epochs} epochs`) } };
    },
  };
  const padded = async () => {
    const reference = await referenceText('training.ts');
    return { 'training.ts': reference.replace(/export function train\([\s\S]*?\n}\n/, `${PADDED}\n`) };
  };

  it('a train returning 600,000 losses for 3 epochs fails its call plainly, in checks and in plots', async () => {
    const student = await studentWith(await padded(), 1_500, contracts);
    const failure = await student.call('training', 'train', args).catch((e: unknown) => e);
    expect(failure).toMatchObject({
      message: expect.stringMatching(/^train\(.*\) returned 600000 items at \.losses, where train returns at most 3 \(one loss per epoch, 3 epochs\)$/),
      details: { status: 'failed' },
    });
    const plotted = await student.plotSource().call('training', 'train', args);
    expect(plotted).toMatchObject({
      kind: 'threw',
      error: { name: 'ReplyOutOfContract', message: expect.stringMatching(/returned 600000 items at \.losses/) },
    });
    const group = await student.plotSource().callMany('training', 'train', [args, args]);
    expect(group).toMatchObject({ kind: 'returned', value: [{ kind: 'threw' }, { kind: 'threw' }] });
    // a flood is not asked for again: a later call of train fails at once, saying why
    const later = await student.call('training', 'train', [net, [[1]], [[0]], { epochs: 5, lr: 0.1 }]).catch((e: unknown) => e);
    expect(later).toMatchObject({
      message: expect.stringMatching(
        /not run: train returned 600000 items at \.losses, where train returns at most 3 .* in an earlier call, so its later calls fail at once$/,
      ),
      details: { status: 'failed' },
    });
  });

  it('through the probe, a flood stops only the function that flooded', async () => {
    const student = await studentWith(await padded(), 1_500, contracts);
    const flooded = await student.argumentsAfter('training', 'train', args).catch((e: unknown) => e);
    expect(flooded).toMatchObject({ message: expect.stringMatching(/^train\(.*\) returned 600000 items at \.value\.losses/), details: { status: 'failed' } });
    await expect(student.call('training', 'train', args)).rejects.toMatchObject({
      message: expect.stringMatching(/not run: train returned 600000 items .* so its later calls fail at once$/),
    });
    expect((await student.argumentsAfter('training', 'sgdStep', [net, { dW1: [[0], [0]], db1: [0, 0], dW2: [[0, 0]], db2: [0] }, 0.1])).value).toEqual(net);
  });

  it("an assignment without contracts holds replies only to the sandbox's bounds", async () => {
    const student = await studentWith(await padded());
    const value = await student.call<{ losses: number[] }>('training', 'train', args);
    expect(value.losses).toHaveLength(600_000);
  });
});
