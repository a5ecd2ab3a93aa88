// npm run bench [-- --n 200] [--workers N] [--batch N] [--no-hangs] [--baseline N]
//
// Generates n submissions (benchClass: a realistic mix of correct, buggy,
// crashing and hanging ones), grades them with `relu-lab bulk` as a child
// process, and prints submissions per second, ms per submission and the
// peak RSS of the whole process tree (bulk, its grading processes and their
// sandboxes, sampled every 100 ms), and CPU time per submission by kind of
// process. The baseline, measured in the same run: the reference graded
// `--baseline` times (default min(n, 10)) by one Grader in this process,
// sequentially, with no sandbox (its compiled modules called in-process).
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildClass } from '../grader/bulk/sampleClass/buildClass.ts';
import { PACKAGE_ROOT } from '../grader/core/defaults.ts';
import { assignment } from '../grader/course/assignment.ts';
import { Grader } from '../grader/engine/Grader.ts';
import { loadManifest } from '../grader/manifest/loadManifest.ts';
import { referenceSubmission } from '../grader/corpus/fixtureCorpus.ts';
import { benchClass } from './bench/benchClass.ts';
import { sampleTreeRss } from './bench/treeRss.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    workers: { type: 'string' },
    batch: { type: 'string' },
    'no-hangs': { type: 'boolean' },
    baseline: { type: 'string' },
  },
});
const n = Number(values.n);
const workers = values.workers ? Number(values.workers) : os.availableParallelism();
const baselineRuns = Number(values.baseline ?? Math.min(n, 10));
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const work = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-bench-'));
try {
  const mix = await benchClass(n, values['no-hangs']);
  const classDir = path.join(work, 'class');
  const made = performance.now();
  await buildClass(classDir, mix.plan, assignment);
  const groups = [...mix.counts].reduce<Record<string, number>>((acc, [name, count]) => {
    const group = name.replace(/-.*/, '');
    acc[group] = (acc[group] ?? 0) + count;
    return acc;
  }, {});
  console.log(
    `relu-lab bench: n=${n}, workers=${workers}${values.batch ? `, batch=${values.batch}` : ''}, ${os.availableParallelism()} cores; class built in ${((performance.now() - made) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  mix: ${Object.entries(groups)
      .map(([g, c]) => `${c} ${g}`)
      .join(', ')}`,
  );
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`  load average before: ${load()} (other work on the machine skews every figure below)`);

  // bulk, as an instructor runs it
  const args = [path.join(PACKAGE_ROOT, 'bin/relu-lab.mjs'), 'bulk', classDir, '--out', path.join(work, 'out'), '--workers', String(workers), '--quiet'];
  if (values.batch) args.push('--batch', values.batch);
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CI: '1' } });
  const sampler = sampleTreeRss(child.pid!);
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  const memory = sampler.stop();
  if (code !== 0) throw new Error(`bulk exited with ${code}:\n${stdout}`);
  const bulk = {
    seconds,
    perSecond: n / seconds,
    msPerSubmission: (1000 * seconds) / n,
    peakRssBytes: memory.peakBytes,
    maxProcesses: memory.maxProcesses,
    atPeak: memory.atPeak,
    cpuMsPerSubmission: Object.fromEntries(Object.entries(memory.cpuMsByKind).map(([k, ms]) => [k, Math.round(ms / n)])),
  };
  console.log(`  bulk:     ${stdout.split('\n')[0]}`);
  console.log(`            ${bulk.perSecond.toFixed(2)} submissions/s, ${Math.round(bulk.msPerSubmission)} ms per submission (wall clock, start-up included)`);
  console.log(`            peak RSS of the process tree ${mb(memory.peakBytes)} (at most ${memory.maxProcesses} processes, ${memory.samples} samples)`);
  console.log(
    `            at the peak: ${Object.entries(memory.atPeak)
      .map(([kind, v]) => `${kind} ${mb(v.bytes)} (${v.processes})`)
      .join(', ')}`,
  );
  const cpuTotal = Object.values(memory.cpuMsByKind).reduce((a, b) => a + b, 0);
  console.log(
    `            CPU per submission ${Math.round(cpuTotal / n)} ms: ${Object.entries(memory.cpuMsByKind)
      .map(([kind, ms]) => `${kind} ${Math.round(ms / n)}`)
      .join(', ')}`,
  );

  // the baseline: the reference, one Grader, in this process, one after another
  const reference = path.join(work, 'reference');
  for (const [rel, text] of await referenceSubmission(assignment)) {
    await mkdir(path.dirname(path.join(reference, rel)), { recursive: true });
    await writeFile(path.join(reference, rel), text);
  }
  const copies: string[] = [];
  for (let i = 0; i < baselineRuns; i++) {
    const copy = path.join(work, 'baseline', `ref-${i}`);
    await cp(reference, copy, { recursive: true });
    copies.push(copy);
  }
  const manifest = await loadManifest();
  const baseStarted = performance.now();
  const grader = await Grader.create(manifest, assignment);
  let full = 0;
  for (const dir of copies) {
    const doc = await grader.grade(dir, { trustedInProcess: true });
    if (doc.score.earned === doc.score.possible) full += 1;
  }
  await grader.close();
  const baseMs = (performance.now() - baseStarted) / baselineRuns;
  console.log(
    `  baseline: the reference graded ${baselineRuns} times by one Grader, sequentially, in-process with no sandbox (${full} at 100 %): ${Math.round(baseMs)} ms each, ${(1000 / baseMs).toFixed(2)}/s`,
  );
  console.log(`  ratio:    bulk ms per submission / baseline ms per submission = ${(bulk.msPerSubmission / baseMs).toFixed(2)}`);
  console.log(`  load average after: ${load()}`);

  const resultFile = path.join(PACKAGE_ROOT, 'reports', 'bench', `bench-n${n}${values['no-hangs'] ? '-no-hangs' : ''}.json`);
  await mkdir(path.dirname(resultFile), { recursive: true });
  await writeFile(
    resultFile,
    `${JSON.stringify({ n, workers, cores: os.availableParallelism(), mix: groups, bulk, baseline: { runs: baselineRuns, msPerSubmission: baseMs }, ratio: bulk.msPerSubmission / baseMs, at: new Date().toISOString() }, null, 2)}\n`,
  );
  console.log(`  written:  ${path.relative(process.cwd(), resultFile)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
