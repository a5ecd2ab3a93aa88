// A stand-in grading process for WorkerPool's tests: speaks the protocol
// without a Grader. A student whose id starts with `hang` spins forever
// (as student code in a broken sandbox might), `crash` ends the process,
// anything else is "graded" after a short pause. Each grading is logged to
// $FAKE_LOG with the process id.
import { appendFileSync } from 'node:fs';

const log = (line) => process.env.FAKE_LOG && appendFileSync(process.env.FAKE_LOG, `${line}\n`);
process.on('disconnect', () => process.exit(0));
process.on('message', async (message) => {
  if (message.type === 'close') process.exit(0);
  for (const item of message.items) {
    if (item.id.startsWith('hang')) for (;;);
    if (item.id.startsWith('crash')) process.exit(3);
    await new Promise((r) => setTimeout(r, 20));
    log(`${process.pid} ${item.id}`);
    process.send({ type: 'graded', batch: message.batch, id: item.id, summary: { outcome: 'graded', earned: 1, possible: 1, contentHash: '0'.repeat(64), message: null, ms: 20 } });
  }
  process.send({ type: 'batch-done', batch: message.batch });
});
process.send({ type: 'ready', pid: process.pid });
