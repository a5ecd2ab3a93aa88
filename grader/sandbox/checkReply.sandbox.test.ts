// End to end through a real sandbox: student code shares its process with
// host.mjs, so it can answer a call itself on the raw IPC descriptor. The
// grader must judge that answer, not trust it.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestSandbox, type TestSandbox } from './testing/openTestSandbox.ts';

const open: TestSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.dispose()));
});

/** Exports that learn the id of the request being served and answer it first, on the raw channel. */
const FORGER = `
import { writeSync } from 'node:fs';
let serving: number | undefined;
process.on('message', (r: any) => { if (r && typeof r.id === 'number') serving = r.id; });
const raw = (line: string) => writeSync((process as any).channel.fd, line + '\\n');
export const deep = () => { raw(\`{"id":\${serving},"kind":"returned","value":\${'['.repeat(6_000)}0\${']'.repeat(6_000)}}\`); return 1; };
export const badSpecials = () => { raw(\`{"id":\${serving},"kind":"returned","value":[0],"specials":[[[{"x":1}],"NaN"]]}\`); return 1; };
export const honest = (x: number) => x * 2;
`;

describe('a reply forged on the raw channel', () => {
  it('6,000 levels deep becomes that call\'s threw, and the sandbox serves the next call', async () => {
    const t = await openTestSandbox({ extra: FORGER });
    open.push(t);
    // loaded first (as StudentCode does), so its listener sees the calls' requests
    await t.sandbox.load('activations');
    expect(await t.sandbox.call('activations', 'deep', [])).toMatchObject({
      kind: 'threw',
      error: { name: 'ReplyOutOfBounds', message: 'returned a value too deep to grade (depth > 64)' },
    });
    expect(await t.sandbox.call('activations', 'badSpecials', [])).toMatchObject({ kind: 'threw', error: { name: 'ReplyOutOfBounds', message: expect.stringContaining('malformed') } });
    // the real answers of the forged calls arrive late, under ids already settled, and are ignored
    expect(await t.sandbox.call('activations', 'honest', [21])).toMatchObject({ kind: 'returned', value: 42 });
    expect(t.sandbox.state).toBe('open');
  });
});
