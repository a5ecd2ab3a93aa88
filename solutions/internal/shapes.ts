// Shape checks shared by the reference modules. A shape that does not fit is
// a programming error, so it throws a RangeError that names both shapes.
import type { Matrix, Network, Vector } from '../../exercises/types.ts';

/** `rows x cols` of a matrix, as text: "3x2". Ragged rows are reported as such. */
export function shapeOf(m: Matrix): string {
  const cols = m.length === 0 ? 0 : m[0].length;
  return m.every((row) => row.length === cols) ? `${m.length}x${cols}` : `${m.length}x(ragged)`;
}

/** Throws unless `W` is rows x cols with `b` of length rows. */
export function assertLayer(name: string, W: Matrix, b: Vector, inputs: number): void {
  const rows = W.length;
  if (!W.every((row) => row.length === inputs)) {
    throw new RangeError(`${name}: weights of shape ${shapeOf(W)} do not fit an input of length ${inputs}`);
  }
  if (b.length !== rows) {
    throw new RangeError(`${name}: weights of shape ${shapeOf(W)} need a bias of length ${rows}, got ${b.length}`);
  }
}

/** Throws unless the network's four parameters fit each other and an input of length `inputs`. */
export function assertNetwork(net: Network, inputs: number): void {
  assertLayer('hidden layer', net.W1, net.b1, inputs);
  assertLayer('output layer', net.W2, net.b2, net.b1.length);
}

/** Throws unless X and Y are non-empty and of the same length. */
export function assertDataSet(X: Vector[], Y: Vector[]): void {
  if (X.length === 0) throw new RangeError('the data set is empty: X has 0 samples');
  if (X.length !== Y.length) {
    throw new RangeError(`X has ${X.length} samples but Y has ${Y.length}`);
  }
}

/** A fresh zero matrix of the same shape as `m`. */
export function zerosLike(m: Matrix): Matrix {
  return m.map((row) => row.map(() => 0));
}
