// Entry of a bulk-grading process (started by WorkerPool with an IPC
// channel): the compiled bundle's grading process (see grader/core/compiledCli.mjs),
// or, when that cannot be built, the TypeScript sources through tsx, with
// Vitest loaded before tsx's hooks as bin/relu-lab.mjs does. It is the only
// place this process ends itself.
import { compiledEntry } from '../../core/compiledCli.mjs';

let serveGrading = (await compiledEntry('bulk-worker'))?.serveGrading;
if (!serveGrading) {
  await import('vitest/node');
  const { register } = await import('tsx/esm/api');
  register();
  ({ serveGrading } = await import('./workerMain.ts'));
}
const code = await serveGrading(process, process.env.RELU_LAB_MANIFEST || undefined, process.env.TMPDIR || '');
process.exit(code);
