// "Did you mean": the name among candidates closest to a wanted one, for a
// file a student named `activation.ts` or `Forward.ts`. Names differing only
// in case come first, then those within two edits (insertions, deletions,
// substitutions). Candidates are untrusted file names: only plain ones
// (letters, digits, `.`, `_`, `-`) are ever suggested.

/** Edits beyond which two names are unrelated. */
const MAX_EDITS = 2;
const PLAIN = /^[\w.-]{1,100}$/;

/** Levenshtein distance, row by row (names are short). */
function edits(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length];
}

/** The candidate closest to `wanted` (not `wanted` itself), or null when none is close. */
export function closestName(wanted: string, candidates: readonly string[]): string | null {
  const plain = candidates.filter((c) => c !== wanted && PLAIN.test(c));
  const sameCase = plain.find((c) => c.toLowerCase() === wanted.toLowerCase());
  if (sameCase) return sameCase;
  let best: string | null = null;
  let bestEdits = MAX_EDITS + 1;
  for (const c of plain) {
    const d = edits(c.toLowerCase(), wanted.toLowerCase());
    if (d < bestEdits) [best, bestEdits] = [c, d];
  }
  return best;
}
