// Everything a submission needs before its checks run: who it is, its code
// compiled into a folder of its own, and the job the hidden suite receives.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import type { JobContext } from '../harness/job.ts';
import { PROBE_MODULE } from '../harness/plannedCall.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../intake/submissionIdentity.ts';
import type { Diagnostic, SubmissionIdentity } from '../results/types.ts';
import { compileSubmission } from '../sandbox/compileSubmission.ts';

const PROBE_SOURCE = path.join(PACKAGE_ROOT, 'grader/harness/probe.mjs');

/** A job handed to the hidden suite before its submission is compiled. */
export interface PlannedJob {
  job: JobContext;
  /** the job's private folder: compiled code, sandbox pids */
  jobDir: string;
  submissionDir: string;
  gradedAt: Date;
}

export interface PreparedJob extends PlannedJob {
  identity: SubmissionIdentity;
  diagnostics: Diagnostic[];
  compileMs: number;
}

/** The job for `submissionDir`, its folders made; its code is compiled by prepareJob. */
export async function planJob(
  submissionDir: string,
  jobDir: string,
  manifest: Manifest,
  options: { hiddenEntry: string; plots: boolean; memoDir: string; trustedInProcess?: boolean },
): Promise<PlannedJob> {
  const codeDir = path.join(jobDir, 'code');
  await fs.mkdir(codeDir, { recursive: true });
  await fs.mkdir(options.memoDir, { recursive: true });
  const { limits, fastCheck } = manifest;
  const job: JobContext = {
    id: path.basename(jobDir),
    hiddenEntry: options.hiddenEntry,
    codeDir,
    unavailable: {},
    callTimeoutMs: limits.callTimeoutMs,
    groupTimeoutMs: limits.groupTimeoutMs,
    memoryMb: limits.sandboxMemoryMb,
    deadlineMs: limits.submissionDeadlineMs,
    ...fastCheck,
    plots: options.plots,
    trustedInProcess: options.trustedInProcess === true,
    memoDir: options.memoDir,
  };
  return { job, jobDir, submissionDir, gradedAt: new Date() };
}

/** Identifies and compiles a planned job's submission (the assignment's `moduleNames`), filling in `job.unavailable`. */
export async function prepareJob(planned: PlannedJob, moduleNames: readonly string[]): Promise<PreparedJob> {
  const { submissionDir, job } = planned;
  // git and esbuild run in processes of their own: let them overlap
  const [identity, compiled] = await Promise.all([submissionIdentity(submissionDir), compileSubmission(submissionDir, job.codeDir, moduleNames)]);
  await fs.copyFile(PROBE_SOURCE, path.join(job.codeDir, `${PROBE_MODULE}.mjs`));
  for (const [name, result] of Object.entries(compiled.modules)) {
    if (result.kind === 'compiled') continue;
    const first = result.diagnostics[0];
    if (result.kind === 'missing') job.unavailable[name] = first?.message ?? `exercises/${name}.ts is missing`;
    else
      job.unavailable[name] = first
        ? `exercises/${name}.ts did not compile: ${first.file}:${first.line}:${first.column} ${first.message}`
        : `exercises/${name}.ts could not be compiled`;
  }
  return { ...planned, identity, diagnostics: compiled.diagnostics, compileMs: Math.round(compiled.timings.totalMs) };
}
