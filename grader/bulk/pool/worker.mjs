// Entry of a bulk-grading process (started by WorkerPool with an IPC
// channel). Like bin/relu-lab.mjs it loads Vitest before tsx's hooks, then
// the TypeScript sources; it is the only place this process ends itself.
import { register } from 'tsx/esm/api';

await import('vitest/node');
register();
const { serveGrading } = await import('./workerMain.ts');
const code = await serveGrading(process, process.env.RELU_LAB_MANIFEST || undefined, process.env.TMPDIR || '');
process.exit(code);
