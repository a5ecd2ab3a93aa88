// The channel is the grader's to parse: student code shares the sandbox's
// process with host.mjs and can write any bytes to its descriptor. Whatever
// it writes ends as the failure of the call that wrote it (and stops that
// sandbox); the grading process carries on, and other sandboxes with it.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { NOT_A_REPLY } from './ReplyReader.ts';
import { CHANNEL_WRITER } from './testing/channelWriter.ts';
import { useTestSandboxes } from './testing/openTestSandbox.ts';

const { sandboxWith } = useTestSandboxes();

const WRITERS = `${CHANNEL_WRITER}
export const notJson = () => { raw('not json\\n'); return 1; };
/** 100 MB without a newline, a megabyte at a time */
export const endless = () => { const mb = 'x'.repeat(1024 * 1024); for (let i = 0; i < 100; i++) raw(mb); return 1; };
/** half a reply, then the real one is written after it on the same line */
export const half = () => { raw('{"id":1,"kind":"ret'); return 1; };
/** half a reply, then the process ends */
export const halfThenDie = () => { raw('{"id":1,"kind":"ret'); process.kill(process.pid, 'SIGKILL'); return 1; };
/** garbage after the call has returned, between its reply and the next request */
export const later = (x: number) => { setTimeout(() => raw('\\u0000\\u00ff}{garbage\\n'), 0); return x; };
export const double = (x: number) => x * 2;
export const ipc = () => [typeof (process as any).send, typeof (process as any).channel];
`;

/** `mb` megabytes of JSON in strings of 4,000 characters (the longest a reply may hold) */
const WIDE = `${WRITERS}\nexport const wide = (mb: number) => Array.from({ length: Math.ceil(mb * 250) }, () => 'a'.repeat(4000));`;

/** A later sandbox still serves: the grading process was not harmed. */
async function graderStillWorks(): Promise<void> {
  const other = await sandboxWith({ extra: WRITERS });
  expect(await other.call('activations', 'double', [21])).toMatchObject({ kind: 'returned', value: 42 });
}

const violation = (label: string, what: string) => `exercises/activations.ts ${label} ${NOT_A_REPLY} (${what}), which stops the sandbox`;

describe("the sandbox's channel", () => {
  it('gives student code no process.send and no process.channel', async () => {
    const sb = await sandboxWith({ extra: WRITERS });
    expect(await sb.call('activations', 'ipc', [])).toMatchObject({ kind: 'returned', value: ['undefined', 'undefined'] });
  });

  it('ends a call that writes a line that is not JSON as crashed, and stops that sandbox only', async () => {
    const sb = await sandboxWith({ extra: WRITERS });
    expect(await sb.call('activations', 'double', [2])).toMatchObject({ kind: 'returned', value: 4 });
    expect(await sb.call('activations', 'notJson', [])).toMatchObject({ kind: 'crashed', message: violation('notJson', 'a line that is not JSON') });
    expect(sb.state).toBe('broken');
    expect(await sb.call('activations', 'double', [2])).toMatchObject({ kind: 'unavailable', message: expect.stringContaining(NOT_A_REPLY) });
    await graderStillWorks();
  });

  it('stops reading a line without a newline at 32 MB: 100 MB end as that call crashed', async () => {
    const sb = await sandboxWith({ extra: WRITERS, callTimeoutMs: 20_000 });
    const t0 = performance.now();
    expect(await sb.call('activations', 'endless', [])).toMatchObject({ kind: 'crashed', message: violation('endless', 'a message of more than 32 MB') });
    // stopped at the limit, not after all 100 MB were written and read
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(sb.state).toBe('broken');
    await graderStillWorks();
  });

  it('ends a call that writes half a message as crashed, whether the process then returns or ends', async () => {
    const sb = await sandboxWith({ extra: WRITERS });
    // the real reply lands on the same line as the half one
    expect(await sb.call('activations', 'half', [])).toMatchObject({ kind: 'crashed', message: violation('half', 'a line that is not JSON') });
    const dying = await sandboxWith({ extra: WRITERS });
    expect(await dying.call('activations', 'halfThenDie', [])).toMatchObject({ kind: 'crashed', message: expect.stringContaining('signal SIGKILL') });
    await graderStillWorks();
  });

  it('keeps the replies before garbage written between calls, and stops the sandbox at the garbage', async () => {
    const sb = await sandboxWith({ extra: WRITERS });
    expect(await sb.call('activations', 'later', [7])).toMatchObject({ kind: 'returned', value: 7 });
    await new Promise((r) => setTimeout(r, 300));
    // the garbage arrives before the next call (or, on a busy machine, during it): that call is not believed either way
    const next = await sb.call('activations', 'double', [2]);
    expect(['crashed', 'unavailable']).toContain(next.kind);
    expect(next).toMatchObject({ message: expect.stringContaining(`${NOT_A_REPLY} (a line that is not JSON)`) });
    expect(sb.state).toBe('broken');
    await graderStillWorks();
  });

  it("sends a reply whose JSON is over 32 MB as that call's ReplyOutOfBounds, and the sandbox stays open", async () => {
    const sb = await sandboxWith({ extra: WIDE, callTimeoutMs: 20_000 });
    const tooLarge = { kind: 'threw', error: { name: 'ReplyOutOfBounds', message: 'returned a value too large to send (more than 32 MB as JSON)' } };
    expect(await sb.call('activations', 'wide', [40])).toMatchObject(tooLarge);
    // in a call group, the calls before the one that does not fit keep theirs
    const outcome = await sb.callMany('activations', 'wide', [[10], [0.001], [30], [0.001]]);
    expect(outcome).toMatchObject({ kind: 'returned' });
    if (outcome.kind !== 'returned') return;
    expect(outcome.value.map((e) => e.kind)).toEqual(['returned', 'returned', 'threw', 'threw']);
    expect((outcome.value[0] as { value: string[] }).value).toHaveLength(2500);
    expect(outcome.value[2]).toEqual(tooLarge);
    expect(sb.state).toBe('open');
    expect(await sb.call('activations', 'double', [2])).toMatchObject({ kind: 'returned', value: 4 });
  });

  it('ends a call group whose calls write garbage between their progress reports as crashed', async () => {
    const sb = await sandboxWith({
      extra: `${WRITERS}\nexport const noisy = (i: number) => { const end = performance.now() + 60; while (performance.now() < end) {} if (i === 3) raw('{"id":\\n'); return i; };`,
    });
    const outcome = await sb.callMany('activations', 'noisy', [[0], [1], [2], [3], [4]]);
    expect(outcome).toMatchObject({ kind: 'crashed', message: violation('noisy', 'a line that is not JSON') });
    await graderStillWorks();
  });
});
