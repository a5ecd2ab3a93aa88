import { describe, expect, test } from 'vitest';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import { validateResults } from '../results/validateResults.ts';
import { assembleResults } from './assembleResults.ts';
import type { CatalogEntry } from './catalog.ts';
import type { ReportedTest } from './HiddenRunReporter.ts';

const identity = { path: 'sub', name: 'sub', contentHash: 'a'.repeat(64), files: ['activations.ts'], git: null };

async function assemble(catalog: CatalogEntry[], reported: Map<string, ReportedTest>, notRunReason: string | null = null) {
  const manifest = await loadTestManifest();
  return assembleResults({
    manifest,
    catalog,
    reported,
    notRunReason,
    identity,
    graderVersion: '0.0.0',
    outcome: { kind: 'graded' },
    diagnostics: [],
    timings: { compileMs: 1, testsMs: 2, totalMs: 3 },
    gradedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

const check = (id: string, points: number, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
  id: `activations.${id}`,
  task: 'activations',
  name: id,
  weight: points,
  calls: ['relu'],
  points,
  hint: 'h',
  ...extra,
});

describe('assembleResults', () => {
  test('points come from the catalog; only passed tests earn them', async () => {
    const catalog = [check('a', 6), check('b', 4)];
    const doc = await assemble(
      catalog,
      new Map([
        ['activations.a', { status: 'passed', durationMs: 5 }],
        ['activations.b', { status: 'failed', message: 'wrong', durationMs: 5 }],
      ]),
    );
    expect(doc.tests.map((t) => [t.id, t.status, t.earned])).toEqual([
      ['activations.a', 'passed', 6],
      ['activations.b', 'failed', 0],
    ]);
    expect(doc.tasks.find((t) => t.id === 'activations')).toMatchObject({ earned: 6, possible: 10 });
    expect(doc.score.earned).toBe(6);
    expect(() => validateResults(doc)).not.toThrow();
  });

  test('a check that never reported is not-run, earns nothing and says why', async () => {
    const doc = await assemble([check('a', 10)], new Map(), 'the suite stopped');
    expect(doc.tests[0]).toMatchObject({ status: 'not-run', earned: 0, message: 'the suite stopped' });
    expect(doc.score.earned).toBe(0);
  });

  test("the manifest's default visibility applies where a check sets none", async () => {
    const doc = await assemble([check('a', 5), check('b', 5, { visibility: 'hidden' })], new Map());
    expect(doc.tests.map((t) => t.visibility)).toEqual(['visible', 'hidden']);
  });

  test("a task earns the sum of its checks' points, which the catalog split from the manifest's points for it", async () => {
    const doc = await assemble([check('a', 3.34), check('b', 3.33), check('c', 3.33)], new Map([['activations.a', { status: 'passed', durationMs: 1 }]]));
    expect(doc.tasks.find((t) => t.id === 'activations')).toMatchObject({ earned: 3.34, possible: 10 });
  });
});
