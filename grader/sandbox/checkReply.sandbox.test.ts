// End to end through a real sandbox: student code shares its process with
// host.mjs, so it can answer a call itself on the channel's descriptor. The
// grader must judge that answer, not trust it.
import { describe, expect, it } from 'vitest';
import { CHANNEL_WRITER } from './testing/channelWriter.ts';
import { useTestSandboxes } from './testing/openTestSandbox.ts';

const { testSandbox } = useTestSandboxes();

/**
 * Exports that answer the call first, on the raw channel, under every id
 * from 20 down to 1 (requests are numbered from 1): the one of the call
 * being served settles it, the higher ones come before it and are ignored,
 * and the lower ones are old.
 */
const FORGER = `${CHANNEL_WRITER}
const forEveryId = (reply: (id: number) => string) => { for (let id = 20; id >= 1; id--) raw(reply(id) + '\\n'); };
export const deep = () => { forEveryId((id) => \`{"id":\${id},"kind":"returned","value":\${'['.repeat(70)}0\${']'.repeat(70)}}\`); return 1; };
export const veryDeep = () => { forEveryId((id) => \`{"id":\${id},"kind":"returned","value":\${'['.repeat(6_000)}0\${']'.repeat(6_000)}}\`); return 1; };
export const badSpecials = () => { forEveryId((id) => \`{"id":\${id},"kind":"returned","value":[0],"specials":[[[{"x":1}],"NaN"]]}\`); return 1; };
export const honest = (x: number) => x * 2;
`;

describe('a reply forged on the raw channel', () => {
  it("70 levels deep (past a reply's bounds, inside a line's) becomes that call's threw, and the sandbox serves the next call", async () => {
    const t = await testSandbox({ extra: FORGER });
    expect(await t.sandbox.call('activations', 'deep', [])).toMatchObject({
      kind: 'threw',
      error: { name: 'ReplyOutOfBounds', message: 'returned a value too deep to grade (depth > 64)' },
    });
    expect(await t.sandbox.call('activations', 'badSpecials', [])).toMatchObject({
      kind: 'threw',
      error: { name: 'ReplyOutOfBounds', message: expect.stringContaining('malformed') },
    });
    // the real answers of the forged calls arrive late, under ids already settled, and are ignored
    expect(await t.sandbox.call('activations', 'honest', [21])).toMatchObject({ kind: 'returned', value: 42 });
    expect(t.sandbox.state).toBe('open');
  });

  it('6,000 levels deep is refused before it is parsed: that call crashed, marked as tampering, and the sandbox is stopped', async () => {
    const t = await testSandbox({ extra: FORGER });
    expect(await t.sandbox.call('activations', 'veryDeep', [])).toMatchObject({
      kind: 'crashed',
      tampered: true,
      message: expect.stringContaining("wrote something to the grader's channel that is not a reply (a message nested more than 72 levels deep)"),
    });
    expect(t.sandbox.state).toBe('broken');
    expect(await t.sandbox.call('activations', 'honest', [21])).toMatchObject({ kind: 'unavailable' });
  });
});
