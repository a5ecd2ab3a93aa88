// The starter of the `double` assignment: return twice `x`.

/** Twice `x`. */
export function double(x: number): number {
  throw new Error(`not implemented: double(${x})`);
}
