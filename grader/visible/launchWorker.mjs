// Starts the visible-test worker from the TypeScript sources (the bundled
// student edition starts visible-worker.mjs instead). Vitest is loaded
// before tsx's hooks, as in bin/relu-lab.mjs: it starts several times faster.
import { register } from 'tsx/esm/api';

await import('vitest/node');
register();
await import('./visibleWorker.ts');
