// Measures the sandbox on the ReLU course's reference: `npx tsx scripts/measureSandbox.ts`.
// Prints the time to compile the reference, to start a sandbox, the mean
// round trip of a single call, and the time of a call group of 1000 calls.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULTS } from '../grader/core/defaults.ts';
import { assignment } from '../grader/course/assignment.ts';
import { compileSubmission } from '../grader/sandbox/compileSubmission.ts';
import { Sandbox } from '../grader/sandbox/Sandbox.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs: number[]) => Math.min(...xs);
const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;

async function main(): Promise<void> {
  console.log(
    `Node ${process.versions.node}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-measure-'));
  try {
    const codeDir = path.join(root, 'code');
    const compiles: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const compiled = await compileSubmission(
        assignment.solutionsDir,
        codeDir,
        assignment.modules.map((m) => m.name),
      );
      compiles.push(performance.now() - t0);
      if (compiled.diagnostics.length > 0) throw new Error(`the reference did not compile: ${JSON.stringify(compiled.diagnostics)}`);
    }
    console.log(`compile the reference (7 bundles): first ${fmt(compiles[0])}, then median ${fmt(median(compiles.slice(1)))}`);

    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const sb = await Sandbox.open({ codeDir, callTimeoutMs: DEFAULTS.callTimeoutMs, memoryMb: DEFAULTS.sandboxMemoryMb });
      starts.push(performance.now() - t0);
      await sb.close();
    }
    console.log(`start a sandbox (until ready): median ${fmt(median(starts))}, best ${fmt(min(starts))} (5 starts)`);

    const sb = await Sandbox.open({ codeDir, callTimeoutMs: DEFAULTS.callTimeoutMs, memoryMb: DEFAULTS.sandboxMemoryMb });
    const first = performance.now();
    await sb.call('activations', 'relu', [1]);
    console.log(`first call (imports the module): ${fmt(performance.now() - first)}`);
    const rounds: number[] = [];
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) await sb.call('activations', 'relu', [i - 500]);
      rounds.push((performance.now() - t0) / 1000);
    }
    console.log(`1000 relu calls, one at a time: mean round trip ${fmt(median(rounds))} (median of 5 rounds; best ${fmt(min(rounds))})`);

    const net = {
      W1: [
        [1, -2],
        [0.5, 1],
        [-1, 0],
      ],
      b1: [0.1, -0.2, 0.3],
      W2: [[1, -1, 2]],
      b2: [0.5],
    };
    const argsList = Array.from({ length: 1000 }, (_, i) => [net, [i / 100, -i / 200]]);
    await sb.callMany('forward', 'forward', argsList.slice(0, 10));
    const groups: number[] = [];
    for (let round = 0; round < 10; round++) {
      const t0 = performance.now();
      const outcome = await sb.callMany('forward', 'forward', argsList);
      groups.push(performance.now() - t0);
      if (outcome.kind !== 'returned') throw new Error(`the call group did not return: ${JSON.stringify(outcome)}`);
    }
    console.log(`callMany of 1000 forward calls: median ${fmt(median(groups))}, best ${fmt(min(groups))} (10 call groups)`);
    await sb.close();
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

await main();
