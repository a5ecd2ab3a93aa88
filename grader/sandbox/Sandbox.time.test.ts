// Time is the grader's: a call group ends at its own limit and a call at the
// submission's deadline, whatever the sandbox reports meanwhile (student code
// shares its process with host.mjs, so it can write `progress` on the channel itself).
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { Sandbox } from './Sandbox.ts';
import { CHANNEL_WRITER } from './testing/channelWriter.ts';
import { useTestSandboxes } from './testing/openTestSandbox.ts';

const { sandboxWith } = useTestSandboxes();

const STALLERS = `${CHANNEL_WRITER}
const spinFor = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end) {} };
/** never returns; tells the grader every 100 ms that one more call of its call group is done */
export const forge = () => {
  const title = /^relu-lab-sandbox (\\d+) (\\d+)$/.exec(String(process.title));
  const id = title ? Number(title[1]) : 0;
  let done = title ? Number(title[2]) : 0;
  for (;;) {
    spinFor(100);
    raw(JSON.stringify({ id, kind: 'progress', done: ++done }) + '\\n');
  }
};
/** returns after spinning for ms, under the limit of one call */
export const burn = (ms: number) => { spinFor(ms); return ms; };
`;

describe('Sandbox time belongs to the grader', () => {
  it('ends a call group that forges progress at the call group limit, not one call limit per forged report', async () => {
    const sb = await sandboxWith({ extra: STALLERS, callTimeoutMs: 300, groupTimeoutMs: 1_000 });
    const t0 = performance.now();
    // 100 forged reports of 100 ms each would have kept it for 10 s
    const outcome = await sb.callMany(
      'activations',
      'forge',
      Array.from({ length: 100 }, () => []),
    );
    const elapsed = performance.now() - t0;
    expect(outcome).toMatchObject({
      kind: 'timed-out',
      limit: 'group',
      message: "exercises/activations.ts forge was stopped when its call group's time limit (1000 ms for all 100 calls) ran out",
    });
    if (process.platform === 'linux') expect(outcome).toMatchObject({ at: 0 });
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(1_800);
    expect(sb.state).toBe('broken');
  });

  it('ends calls that each burn under the call limit at the call group limit', async () => {
    const sb = await sandboxWith({ extra: STALLERS, callTimeoutMs: 500, groupTimeoutMs: 1_000 });
    // loaded first, so that the first call's limit is not spent importing it:
    // each call then has 200 ms (the first) or 300 ms (the next, with the
    // slack a progress report brings) for the sandbox, at a lower priority
    // on a busy machine, to report that it is done
    expect(await sb.load('activations')).toMatchObject({ kind: 'returned' });
    const t0 = performance.now();
    // ten calls of 300 ms would have taken 3 s, each within its own limit
    const outcome = await sb.callMany(
      'activations',
      'burn',
      Array.from({ length: 10 }, () => [300]),
    );
    const elapsed = performance.now() - t0;
    expect(outcome).toMatchObject({ kind: 'timed-out', limit: 'group' });
    if (process.platform === 'linux') expect((outcome as { at?: number }).at).toBeGreaterThanOrEqual(2);
    expect(elapsed).toBeLessThan(1_800);
  });

  it('an honest call group longer than one call limit is untouched', async () => {
    const sb = await sandboxWith({ extra: STALLERS, callTimeoutMs: 300, groupTimeoutMs: 2_000 });
    const outcome = await sb.callMany(
      'activations',
      'burn',
      Array.from({ length: 5 }, () => [150]),
    );
    expect(outcome).toMatchObject({ kind: 'returned', value: Array.from({ length: 5 }, () => ({ kind: 'returned', value: 150 })) });
  });

  it('stops any call at the submission deadline, in a call group or single, and says which limit ran out', async () => {
    const endsAt = performance.now() + 700;
    const sb = await sandboxWith({ extra: STALLERS, callTimeoutMs: 300, groupTimeoutMs: 10_000, deadline: { ms: 5_000, endsAt: () => endsAt } });
    const t0 = performance.now();
    const outcome = await sb.callMany(
      'activations',
      'forge',
      Array.from({ length: 100 }, () => []),
    );
    expect(outcome).toMatchObject({
      kind: 'timed-out',
      limit: 'submission',
      message: "exercises/activations.ts forge was stopped at the submission's deadline of 5000 ms (in a call group of 100 calls)",
    });
    expect(performance.now() - t0).toBeLessThan(1_500);

    const late = performance.now() + 200;
    const single = await sandboxWith({ extra: STALLERS, callTimeoutMs: 5_000, deadline: { ms: 1_234, endsAt: () => late } });
    expect(await single.call('activations', 'burn', [2_000])).toMatchObject({
      kind: 'timed-out',
      limit: 'submission',
      message: "exercises/activations.ts burn was stopped at the submission's deadline of 1234 ms",
    });
  });

  it('refuses a call group limit that is not a positive number', async () => {
    await expect(Sandbox.open({ codeDir: '/tmp', callTimeoutMs: 100, groupTimeoutMs: 0, memoryMb: 64 })).rejects.toMatchObject({ code: 'usage' });
  });
});
