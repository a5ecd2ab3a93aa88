// A sandbox process is usable once host.mjs says `ready` (`ready` settles):
// then its handles stop keeping the grader alive. A process that ends or
// stays silent first is a ReluLabError `sandbox-unavailable` naming what it
// printed.
import type { ChildProcess } from 'node:child_process';
import { ReluLabError } from '../core/errors.ts';

export function waitForReady(child: ChildProcess, ready: Promise<void>, timeoutMs: number, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('close', onClose);
      const printed = output().trim();
      reject(new ReluLabError('sandbox-unavailable', `the sandbox process ${why}${printed ? `: ${printed}` : ''}. Check that Node ${process.versions.node} supports the permission model (Node 20 or later) and that the sandbox folder is readable`));
    };
    void ready.then(() => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('close', onClose);
      child.unref();
      // stdout, stderr and the channel (descriptor 3)
      for (const stream of child.stdio) (stream as { unref?(): void } | null)?.unref?.();
      resolve();
    });
    const onClose = (code: number | null, signal: string | null) => fail(`stopped while starting (exit code ${code}, signal ${signal})`);
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    child.once('close', onClose);
  });
}
