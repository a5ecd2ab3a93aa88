// The environment of a bulk run's grading process.
import { ASSIGNMENT_ENV } from './protocol.ts';

/** The parent's environment, less what would confuse a Vitest inside the worker, with the worker's own TMPDIR. */
export function workerEnvironment(tmpDir: string, manifestPath: string | undefined, assignmentPath?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VITEST|__VITEST|TINYPOOL|NODE_OPTIONS$|NODE_ENV$)/.test(name)) continue;
    env[name] = value;
  }
  env.TMPDIR = tmpDir;
  env.RELU_LAB_MANIFEST = manifestPath ?? '';
  env[ASSIGNMENT_ENV] = assignmentPath ?? '';
  // esbuild (compiling submissions, and Vite's transforms) is a Go program
  // that starts a thread per core; a build of a submission's few small modules gains
  // nothing from them, while their wake-ups compete with grading
  // (about 300 fewer context switches per submission with one)
  env.GOMAXPROCS ??= '1';
  return env;
}
