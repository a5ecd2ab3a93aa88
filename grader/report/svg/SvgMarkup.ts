// Inline SVG made by the grader's own svg module, and nothing else.
//
// Why our own module instead of a charting library: the pictures are few and
// simple (lines, dashed markers, a grid of cells), a dependency would bring
// far more than we use into a tool that grades, and we need byte-identical
// output for identical data so reports can be snapshot-tested and diffed.
// Every number is rounded to a fixed precision, every text escaped, and the
// markup has no scripts, no external references and no randomness.
//
// The report templates print an SvgMarkup unescaped; a plain string is
// refused there. So only markup built here reaches a report unescaped.

// A registered symbol, not a private one: when an assignment's module is
// loaded apart from the CLI's bundle (tsx, or a hidden bundle's engine), its
// figures come from another copy of this module, which `instanceof` would
// refuse. Data never carries a symbol (JSON has none), so a results document
// or a student's reply cannot forge it; only code the grader loads can.
const brand: unique symbol = Symbol.for('relu-lab.report-svg') as never;

export class SvgMarkup {
  readonly [brand] = true;
  private constructor(readonly markup: string) {}

  /** Wraps markup assembled by this module (all text already escaped). */
  static fromTrustedParts(parts: readonly string[]): SvgMarkup {
    return new SvgMarkup(parts.join(''));
  }

  toString(): string {
    return this.markup;
  }
}

/** True only for markup made by this module. */
export function isSvgMarkup(value: unknown): value is SvgMarkup {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [brand]?: unknown })[brand] === true &&
    typeof (value as { markup?: unknown }).markup === 'string'
  );
}
