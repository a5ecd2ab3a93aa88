// Where a student's file declares an export, for annotations and JUnit
// line numbers: `export function name`, `export async function name`,
// `export const name` (claims.ts exports values).

const EXPORT = /^[ \t]*export[ \t]+(?:default[ \t]+)?(?:async[ \t]+)?(?:function[ \t]*\*?|const|let|var|class)[ \t]+([A-Za-z_$][\w$]*)/gm;

/** The names `source` exports, with their 1-based lines, in file order. */
export function exportedNames(source: string): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  for (const m of source.matchAll(EXPORT)) {
    const before = source.slice(0, m.index ?? 0);
    found.push({ name: m[1], line: before.split('\n').length });
  }
  return found;
}

/** The 1-based line of `export function <name>` (or const …) in `source`, or null. */
export function exportLine(source: string, name: string): number | null {
  return exportedNames(source).find((e) => e.name === name)?.line ?? null;
}
