// The reference of the `double` assignment.

/** Twice `x`. */
export function double(x: number): number {
  return 2 * x;
}
