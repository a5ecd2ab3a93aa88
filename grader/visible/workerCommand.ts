// The node arguments that start the visible-test worker: the TypeScript
// launcher when relu-lab runs from its sources, visible-worker.mjs beside the
// bundle when it runs as the student edition (.relu-lab/relu-lab.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled worker's file name, beside the student edition's CLI. */
export const BUNDLED_WORKER = 'visible-worker.mjs';

export function workerArgs(moduleUrl: string = import.meta.url): string[] {
  const here = fileURLToPath(moduleUrl);
  const dir = path.dirname(here);
  return here.endsWith('.ts') ? [path.join(dir, 'launchWorker.mjs')] : [path.join(dir, BUNDLED_WORKER)];
}
