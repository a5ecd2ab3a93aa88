import { describe, expect, it } from 'vitest';
import { checkManifest } from './checkManifest.ts';
import type { ManifestFile } from './types.ts';

const MODULES = ['activations', 'forward', 'backprop', 'dead-neurons'];

function manifest(change: (m: ManifestFile) => void = () => {}): ManifestFile {
  const m: ManifestFile = {
    title: 't',
    version: 1,
    tasks: MODULES.map((id) => ({ id, title: id, points: 10, file: `exercises/${id}.ts` })),
    deadline: '2026-12-01T23:59:00Z',
    latePolicy: { kind: 'none' },
    defaultVisibility: 'visible',
  };
  change(m);
  return m;
}

describe('checkManifest', () => {
  it("accepts each of the assignment's modules once, in its own file", () => {
    expect(checkManifest(manifest(), MODULES)).toEqual([]);
  });

  it('names a repeated task id and the module it displaced', () => {
    const problems = checkManifest(
      manifest((m) => (m.tasks[3] = { ...m.tasks[0] })),
      MODULES,
    );
    expect(problems).toEqual([
      '/tasks/3/id: "activations" is already the id of /tasks/0; each task id must be unique',
      expect.stringMatching(/^\/tasks: no task for module "dead-neurons"/),
    ]);
  });

  it("names a task that is not one of the assignment's modules; without the modules, only the tasks' own soundness is checked", () => {
    const extra = manifest((m) => m.tasks.push({ id: 'extra', title: 'x', points: 1, file: 'exercises/extra.ts' }));
    expect(checkManifest(extra, MODULES)).toEqual([
      '/tasks/4/id: "extra" is not a module of the assignment; its modules are activations, forward, backprop, dead-neurons',
    ]);
    expect(checkManifest(extra)).toEqual([]);
    expect(checkManifest(manifest((m) => m.tasks.pop()))).toEqual([]);
  });

  it('wants points in hundredths, what shares and scores are kept to', () => {
    expect(checkManifest(manifest((m) => (m.tasks[1].points = 7.25)))).toEqual([]);
    expect(checkManifest(manifest((m) => (m.tasks[1].points = 33.333)))).toEqual([
      '/tasks/1/points: 33.333 has more than two decimals; points are kept in hundredths, so give e.g. 33.33',
    ]);
  });

  it('wants each task in exercises/<id>.ts', () => {
    const problems = checkManifest(manifest((m) => (m.tasks[1].file = 'exercises/backprop.ts')));
    expect(problems).toEqual(['/tasks/1/file: must be "exercises/forward.ts", the file of module "forward"']);
  });

  it('wants a deadline for a late policy, and a late deadline after it', () => {
    const noDeadline = manifest((m) => {
      m.deadline = null;
      m.latePolicy = { kind: 'percent-per-day', percentPerDay: 5, maxDaysLate: 2 };
    });
    expect(checkManifest(noDeadline)).toEqual([expect.stringMatching(/^\/latePolicy: "percent-per-day" needs a deadline/)]);
    const early = manifest((m) => (m.latePolicy = { kind: 'accept-until', lateDeadline: '2026-12-01T22:00:00Z', penaltyPercent: 10 }));
    expect(checkManifest(early)).toEqual(['/latePolicy/lateDeadline: must be after /deadline (2026-12-01T23:59:00Z)']);
    const fine = manifest((m) => (m.latePolicy = { kind: 'accept-until', lateDeadline: '2026-12-03T23:59:00Z', penaltyPercent: 10 }));
    expect(checkManifest(fine)).toEqual([]);
  });

  it('wants the call group limit under one name: groupTimeoutMs, or its old name batchTimeoutMs', () => {
    expect(checkManifest(manifest((m) => (m.limits = { groupTimeoutMs: 3_000 })))).toEqual([]);
    expect(checkManifest(manifest((m) => (m.limits = { batchTimeoutMs: 3_000 })))).toEqual([]);
    expect(checkManifest(manifest((m) => (m.limits = { groupTimeoutMs: 3_000, batchTimeoutMs: 3_000 })))).toEqual([
      '/limits: gives both groupTimeoutMs and batchTimeoutMs (its old name); keep only groupTimeoutMs',
    ]);
  });
});
