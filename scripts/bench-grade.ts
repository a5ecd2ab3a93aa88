// npm run bench:grade [-- --runs N]: `relu-lab grade` of one correct
// submission (the reference), each run a cold process as a user starts it.
// Prints the wall-clock time of each run and, from its results.json, the
// hidden suite's run and the compile step. Figures, not assertions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../grader/core/defaults.ts';
import { assignment } from '../grader/course/assignment.ts';
import type { ResultsDocument } from '../grader/results/types.ts';
import { referenceSubmission } from '../grader/corpus/fixtureCorpus.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs) || 3);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-bench-grade-'));
const submission = path.join(work, 'reference');
for (const [file, text] of await referenceSubmission(assignment)) {
  await fs.mkdir(path.dirname(path.join(submission, file)), { recursive: true });
  await fs.writeFile(path.join(submission, file), text);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const walls: number[] = [];
const suites: number[] = [];
console.log(
  `relu-lab bench:grade: ${runs} cold runs of relu-lab grade on the reference (load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
for (let i = 0; i < runs; i++) {
  const out = path.join(work, `out-${i}`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin/relu-lab.mjs'), 'grade', '--submission', submission, '--out', out], {
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (run.status !== 0) throw new Error(`relu-lab grade exited with ${run.status}: ${run.stderr}`);
  const doc = JSON.parse(await fs.readFile(path.join(out, 'results.json'), 'utf8')) as ResultsDocument;
  walls.push(wall);
  suites.push(doc.timings.testsMs);
  console.log(
    `  run ${i + 1}: ${(wall / 1000).toFixed(2)} s wall; hidden suite ${doc.timings.testsMs} ms, compile ${doc.timings.compileMs} ms; score ${doc.score.earned}/${doc.score.possible}`,
  );
}
console.log(`median: ${(median(walls) / 1000).toFixed(2)} s per cold grade (target < 3 s); hidden suite ${median(suites)} ms (target < 500 ms)`);
await fs.rm(work, { recursive: true, force: true });
