// Everything a submission needs before its checks run: who it is, its code
// compiled into a folder of its own, and the job the hidden suite receives.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import type { JobContext } from '../hidden/harness/job.ts';
import { PROBE_MODULE } from '../hidden/harness/StudentCode.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../results/submissionIdentity.ts';
import type { Diagnostic, SubmissionIdentity } from '../results/types.ts';
import { compileSubmission } from '../sandbox/compileSubmission.ts';

const PROBE_SOURCE = path.join(PACKAGE_ROOT, 'grader/hidden/probe.mjs');

export interface PreparedJob {
  job: JobContext;
  /** the job's private folder: compiled code, sandbox pids */
  jobDir: string;
  identity: SubmissionIdentity;
  diagnostics: Diagnostic[];
  compileMs: number;
  gradedAt: Date;
}

export async function prepareJob(
  submissionDir: string,
  jobDir: string,
  manifest: Manifest,
  options: { plots: boolean; memoDir: string; trustedInProcess?: boolean },
): Promise<PreparedJob> {
  const gradedAt = new Date();
  const codeDir = path.join(jobDir, 'code');
  await fs.mkdir(codeDir, { recursive: true });
  await fs.mkdir(options.memoDir, { recursive: true });
  // git and esbuild run in processes of their own: let them overlap
  const [identity, compiled] = await Promise.all([submissionIdentity(submissionDir), compileSubmission(submissionDir, codeDir)]);
  await fs.copyFile(PROBE_SOURCE, path.join(codeDir, `${PROBE_MODULE}.mjs`));
  const unavailable: Record<string, string> = {};
  for (const [name, result] of Object.entries(compiled.modules)) {
    if (result.kind === 'compiled') continue;
    const first = result.diagnostics[0];
    if (result.kind === 'missing') unavailable[name] = first?.message ?? `exercises/${name}.ts is missing`;
    else unavailable[name] = first ? `exercises/${name}.ts did not compile: ${first.file}:${first.line}:${first.column} ${first.message}` : `exercises/${name}.ts could not be compiled`;
  }
  const { limits, fastCheck } = manifest;
  const job: JobContext = {
    id: path.basename(jobDir),
    codeDir,
    unavailable,
    callTimeoutMs: limits.callTimeoutMs,
    memoryMb: limits.sandboxMemoryMb,
    deadlineMs: limits.submissionDeadlineMs,
    ...fastCheck,
    plots: options.plots,
    trustedInProcess: options.trustedInProcess === true,
    memoDir: options.memoDir,
  };
  return { job, jobDir, identity, diagnostics: compiled.diagnostics, compileMs: Math.round(compiled.timings.totalMs), gradedAt };
}
