// The generated inputs of every property, drawn once per grading worker.
// Seeds are fixed, so every submission is tested on the same values: drawing
// them (and the reference's answers) again for each submission would only
// repeat work. Keys name the check and the property's place in it.
import fc from 'fast-check';

let currentCheck = '';
let propertyIndex = 0;
const memo = new Map<string, { values: unknown[]; expected?: unknown[] }>();

/** Called as each check starts, so its properties get stable keys. */
export function beginCheck(id: string): void {
  currentCheck = id;
  propertyIndex = 0;
}

/** The key of the next property of the current check. */
export function nextPropertyKey(seed: number, numRuns: number): string {
  return `${currentCheck}#${propertyIndex++}@${seed}x${numRuns}`;
}

/** The values fc.check draws with this seed and number of runs, in its order. */
export function samplesFor<T>(key: string, arbitrary: fc.Arbitrary<T>, seed: number, numRuns: number): T[] {
  let entry = memo.get(key);
  if (!entry) {
    entry = { values: fc.sample(arbitrary, { seed, numRuns }) };
    memo.set(key, entry);
  }
  return entry.values as T[];
}

/** The reference's answers for the values under `key`, computed once. */
export function expectedFor<T>(key: string, values: T[], expected: (value: T) => unknown): unknown[] {
  const entry = memo.get(key);
  if (!entry) return values.map(expected);
  entry.expected ??= values.map(expected);
  return entry.expected;
}
