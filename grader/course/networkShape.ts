// Judges a network a student wrote as a value (claims.ts) before any
// reference function touches it.
import type { Network } from '../../exercises/types.ts';

const isNumbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

const isMatrix = (v: unknown, rows: number, cols: number): v is number[][] => Array.isArray(v) && v.length === rows && v.every((row) => isNumbers(row, cols));

/**
 * Returns null when `value` is a ReLU network with `inputs`, `hidden` and
 * `outputs` units, else what is wrong with it, in a sentence.
 */
export function networkShapeProblem(value: unknown, inputs: number, hidden: number, outputs: number): string | null {
  if (typeof value !== 'object' || value === null) return 'it is not a network object { W1, b1, W2, b2 }';
  const net = value as Partial<Network>;
  if (!isMatrix(net.W1, hidden, inputs)) return `W1 must be ${hidden}x${inputs} finite numbers (hidden x inputs), got ${JSON.stringify(net.W1)}`;
  if (!isNumbers(net.b1, hidden)) return `b1 must hold ${hidden} finite numbers, got ${JSON.stringify(net.b1)}`;
  if (!isMatrix(net.W2, outputs, hidden)) return `W2 must be ${outputs}x${hidden} finite numbers (outputs x hidden), got ${JSON.stringify(net.W2)}`;
  if (!isNumbers(net.b2, outputs)) return `b2 must hold ${outputs} finite numbers, got ${JSON.stringify(net.b2)}`;
  if (net.activation !== undefined && net.activation?.kind !== 'relu') return `it must use ReLU, not ${JSON.stringify(net.activation)}`;
  return null;
}
