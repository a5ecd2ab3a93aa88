// A stand-in grading process for WorkerPool's tests: speaks the protocol
// without a Grader, saying as each student's checks begin. A student whose
// id starts with `hang` spins forever, writing files into the process's
// TMPDIR (as a grading process writes compiled code and Vitest's files);
// `slow-<ms>` takes that long; `crash` ends the process; anything else is
// "graded" after a short pause. A process writes $TMPDIR/alive.txt when it
// starts. Each grading is logged to $FAKE_LOG with the process id.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What WorkerPool sends (the part this stand-in reads).
 * @typedef {{ type: 'close' } | { type: 'grade', batch: number, items: { id: string }[] }} Request
 */

// started with an IPC channel, so process.send is there
const send = /** @type {NonNullable<typeof process.send>} */ (process.send).bind(process);
/** @param {string} line */
const log = (line) => process.env.FAKE_LOG && appendFileSync(process.env.FAKE_LOG, `${line}\n`);
const tmp = process.env.TMPDIR;
if (tmp) writeFileSync(path.join(tmp, 'alive.txt'), `${process.pid}\n`);
process.on('disconnect', () => process.exit(0));
process.on('message', async (/** @type {Request} */ message) => {
  if (message.type === 'close') process.exit(0);
  for (const item of message.items) {
    send({ type: 'started', batch: message.batch, id: item.id });
    if (item.id.startsWith('hang')) for (let i = 0; ; i++) if (tmp) writeFileSync(path.join(tmp, `compiled-${i % 1000}.mjs`), 'export {};\n');
    if (item.id.startsWith('crash')) process.exit(3);
    const slow = /^slow-(\d+)/.exec(item.id);
    await new Promise((r) => setTimeout(r, slow ? Number(slow[1]) : 20));
    log(`${process.pid} ${item.id}`);
    send({
      type: 'graded',
      batch: message.batch,
      id: item.id,
      summary: { outcome: 'graded', earned: 1, possible: 1, contentHash: '0'.repeat(64), message: null, ms: 20 },
    });
  }
  send({ type: 'batch-done', batch: message.batch });
});
send({ type: 'ready', pid: process.pid });
