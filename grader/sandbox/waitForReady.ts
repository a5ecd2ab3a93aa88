// A sandbox process is usable once host.mjs says `ready`: then its handles
// stop keeping the grader alive. A process that ends or stays silent first
// is a ReluLabError `sandbox-unavailable` naming what it printed.
import type { ChildProcess } from 'node:child_process';
import { ReluLabError } from '../core/errors.ts';

export function waitForReady(child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('close', onClose);
      const printed = output().trim();
      reject(new ReluLabError('sandbox-unavailable', `the sandbox process ${why}${printed ? `: ${printed}` : ''}. Check that Node ${process.versions.node} supports the permission model (Node 20 or later) and that the sandbox folder is readable`));
    };
    const onMessage = (message: unknown) => {
      if (message !== null && typeof message === 'object' && (message as { kind?: unknown }).kind === 'ready') {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('close', onClose);
        child.unref();
        child.channel?.unref();
        for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?(): void })?.unref?.();
        resolve();
      }
    };
    const onClose = (code: number | null, signal: string | null) => fail(`stopped while starting (exit code ${code}, signal ${signal})`);
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    child.on('message', onMessage);
    child.once('close', onClose);
  });
}
