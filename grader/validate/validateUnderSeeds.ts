// relu-lab validate --seeds N: the corpus graded under N fast-check seeds, so
// that no planted mistake is caught only by the luck of one draw. An
// instructor should change the seed each term (printed counterexamples then
// stop circulating); a grade that holds only under the shipped seed would
// silently turn wrong work right. Each seed is graded at the fewest runs the
// corpus is validated for (DEFAULTS.validatedNumRuns), or the manifest's own
// when it asks for fewer: fewer runs catch less, so that is the hard case.
// Submissions that hang, crash or run out of memory end the same way under
// any seed: they are graded under the first seed only.
import type { Assignment } from '../assignment/Assignment.ts';
import { DEFAULTS } from '../core/defaults.ts';
import type { Fixture } from '../corpus/fixtureCorpus.ts';
import type { Manifest } from '../manifest/types.ts';
import { validateCorpus, type ValidationReport, type ValidationRow } from './validateCorpus.ts';

/** Seeds tried after the manifest's own, in this order: small, the usual favourite, a large one. */
export const OTHER_SEEDS: readonly number[] = [1, 42, 31337];

/** The manifest's seed, then OTHER_SEEDS, then seeds drawn from the first (deterministic), `n` distinct in all. */
export function seedsFor(first: number, n: number): number[] {
  const seeds = [first];
  for (const s of OTHER_SEEDS) if (seeds.length < n && !seeds.includes(s)) seeds.push(s);
  let state = first >>> 0;
  while (seeds.length < n) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    if (!seeds.includes(state)) seeds.push(state);
  }
  return seeds;
}

export interface SeedReport {
  seed: number;
  numRuns: number;
  report: ValidationReport;
}

export interface SeedsOptions {
  seeds: number;
  more?: readonly Fixture[];
  onRow?: (seed: number, row: ValidationRow) => void;
  onSeed?: (done: SeedReport) => void;
  onWarning?: (line: string) => void;
}

/** Validates the corpus once per seed of seedsFor(manifest's seed, opts.seeds); the manifest's warnings are told once. */
export async function validateUnderSeeds(manifest: Manifest, assignment: Assignment, opts: SeedsOptions): Promise<SeedReport[]> {
  const numRuns = Math.min(manifest.fastCheck.numRuns, DEFAULTS.validatedNumRuns);
  const done: SeedReport[] = [];
  for (const [i, seed] of seedsFor(manifest.fastCheck.seed, opts.seeds).entries()) {
    const report = await validateCorpus({ ...manifest, fastCheck: { seed, numRuns } }, assignment, {
      more: opts.more,
      onRow: (row) => opts.onRow?.(seed, row),
      onWarning: i === 0 ? opts.onWarning : () => {},
      keep: i === 0 ? undefined : (f) => f.expect.kind !== 'misbehaves',
    });
    const one = { seed, numRuns, report };
    done.push(one);
    opts.onSeed?.(one);
  }
  return done;
}
