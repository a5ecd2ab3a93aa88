// The visible-test worker: a process of its own (and a process group of its
// own, so a hang can be killed whole), started by runVisibleTests. It waits
// for its job, runs the visible tests once with Vitest and reports each
// outcome over IPC. This file is a process entry, so it ends its process.
import { createVitest } from 'vitest/node';
import type { ParentMessage, WorkerMessage } from './protocol.ts';
import { VisibleReporter } from './VisibleReporter.ts';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

async function run(message: ParentMessage): Promise<void> {
  const { job } = message;
  const vitest = await createVitest(
    'test',
    {
      root: job.root,
      // the repository's own Vitest configuration is not read: it could add setup files
      config: false,
      watch: false,
      reporters: [new VisibleReporter(job.root, send)],
      include: job.include,
      // the student's code runs in these processes, with a heap cap
      pool: 'forks',
      execArgv: [`--max-old-space-size=${job.memoryMb}`],
      maxWorkers: job.maxWorkers,
      // one module graph per worker, as the engine does: twice as fast as a fresh one per file
      isolate: false,
      testTimeout: job.testTimeoutMs,
      hookTimeout: job.testTimeoutMs,
      includeTaskLocation: true,
      silent: true,
      cache: false,
      passWithNoTests: true,
    },
    { logLevel: 'silent', cacheDir: job.cacheDir },
  );
  try {
    await vitest.start();
  } finally {
    await vitest.close();
  }
  send({ type: 'done' });
}

process.once('message', (message: ParentMessage) => {
  run(message).then(
    () => process.disconnect?.(),
    (e: unknown) => {
      send({ type: 'unhandled', message: `the visible tests could not be run: ${e instanceof Error ? e.message : String(e)}` });
      process.exitCode = 1;
      process.disconnect?.();
    },
  );
});
send({ type: 'ready' });
