import { describe, expect, it, vi } from 'vitest';
import type { CallOutcome } from '../sandbox/CallOutcome.ts';
import { FailureMemory } from './FailureMemory.ts';
import { DEADLINE_MESSAGE } from './outcomeFailure.ts';

const job = { deadlineMs: 1_000, callTimeoutMs: 200, unavailable: { claims: 'exercises/claims.ts did not compile' } };
const threw = (message: string): Extract<CallOutcome, { kind: 'threw' }> => ({ kind: 'threw', error: { name: 'Error', message }, ms: 0 });

describe('FailureMemory', () => {
  it('lets calls through until something is known', () => {
    const memory = new FailureMemory(job);
    expect(memory.instead('forward.dense')).toBeNull();
    expect(memory.unavailable('forward')).toBeNull();
  });

  it('answers a module that did not compile, and after the deadline every call', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const memory = new FailureMemory(job);
      memory.begin();
      expect(memory.instead('claims.answers')).toEqual({ kind: 'unavailable', message: 'exercises/claims.ts did not compile' });
      vi.advanceTimersByTime(1_001);
      expect(memory.instead('forward.dense')).toEqual({ kind: 'unavailable', message: DEADLINE_MESSAGE(1_000) });
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so while no sandbox can be started', () => {
    const memory = new FailureMemory(job);
    memory.startFailed('spawn EAGAIN');
    expect(memory.unavailable('forward')).toBe('student code could not be started: spawn EAGAIN');
    memory.startFailed(null);
    expect(memory.unavailable('forward')).toBeNull();
  });

  it('reports an import that failed in a prefetch once, then the module as never loading', () => {
    const memory = new FailureMemory(job);
    const loading: CallOutcome = { kind: 'timed-out', ms: 200, message: 'exercises/forward.ts did not finish loading', loading: true };
    memory.neverLoads('forward', 'not run: it never loads');
    memory.importFailed('forward', loading);
    expect(memory.instead('forward.dense')).toBe(loading);
    expect(memory.instead('forward.dense')).toEqual({ kind: 'unavailable', message: 'not run: it never loads' });
    expect(memory.loadsNever('forward')).toBe(true);
    expect(memory.instead('backprop.backward')).toBeNull();
  });

  it('stops a function that hung or ran out of memory, and only that one', () => {
    const memory = new FailureMemory(job);
    memory.afterCall('linearity.kinks', { kind: 'timed-out', ms: 200, message: 'spun' });
    memory.afterCall('training.train', { kind: 'crashed', ms: 5, message: 'it ran out of memory' });
    memory.afterCall('forward.dense', { kind: 'crashed', ms: 5, message: 'process.exit(1)' });
    memory.afterCall('forward.predict', threw('wrong'));
    expect(memory.instead('linearity.kinks')).toEqual({
      kind: 'unavailable',
      message: 'not run: kinks did not return in an earlier check (it ran past 200 ms), so its later checks fail at once',
    });
    expect(memory.instead('training.train')).toMatchObject({ message: expect.stringContaining('(it ran out of memory)') });
    expect([memory.stopped('linearity.kinks'), memory.stopped('forward.dense'), memory.stopped('forward.predict')]).toEqual([true, false, false]);
    expect(memory.instead('linearity.isLinearOn')).toBeNull();
  });

  it("says when a function was stopped by its call group's time limit rather than one call's", () => {
    const memory = new FailureMemory(job);
    memory.afterCall('backprop.backward', { kind: 'timed-out', ms: 10_000, message: 'forged progress', limit: 'group' });
    expect(memory.instead('backprop.backward')).toEqual({
      kind: 'unavailable',
      message: "not run: backward did not return in an earlier check (its call group's time limit ran out), so its later checks fail at once",
    });
  });

  it('answers every call of a function that fails alike with the same outcome, marked', () => {
    const memory = new FailureMemory(job);
    const alike = threw('forward.ts lacks dense');
    memory.failAlike('forward.dense', alike, 'any-input');
    expect(memory.instead('forward.dense')).toBe(alike);
    expect(memory.marked(alike, 'any-input')).toBe(true);
    expect(memory.marked(alike, 'out-of-contract')).toBe(false);
    expect(memory.marked(threw('other'), 'any-input')).toBe(false);
    expect(memory.marked(null, 'any-input')).toBe(false);
  });
});
