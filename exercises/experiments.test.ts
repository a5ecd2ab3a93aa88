// Experiments for lesson 6 (exercises/README.md#6-your-claims): evidence for
// each of the five questions of `answers`, computed with YOUR functions on a
// small fixed network and data set. Run them with `npm run check`; each test
// prints a table (the same as the Experiments section of your report).
//
// These tests never look at your answers and never say which answer is right:
// they show what your own functions do, so you can check your answers against
// them. A test fails only while a function it needs is not implemented (or
// throws): it then says which one to implement first.
import { test } from 'vitest';
import { relu, reluGrad } from './activations.ts';
import { backward } from './backprop.ts';
import { deadNeurons } from './dead-neurons.ts';
import { forward, predict } from './forward.ts';
import { kinks } from './linearity.ts';
import { train } from './training.ts';
import type { Activation, Network } from './types.ts';

/** Calls `fn`; when it throws, fails with "implement NAME first" and why. */
function need<T>(name: string, file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const why = /^not implemented/.test(message) ? 'it still throws "not implemented"' : `it threw ${message}`;
    throw new Error(`implement ${name} first (exercises/${file}): ${why}`);
  }
}

/** A number or list as a short string. */
function show(v: unknown): string {
  // -0 shows as -0, as relu-lab's reports show it: reluGrad(-0) is one of the questions
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return String(v);
}

/** Prints a table with a title and the network and data it used. */
function print(title: string, setup: string, columns: string[], rows: unknown[][]): void {
  const cells = [columns, ...rows.map((r) => r.map(show))];
  const widths = columns.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((s, c) => s.padEnd(widths[c])).join(' | ');
  console.log([`\n${title}`, setup, line(columns), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.slice(1).map(line)].join('\n'));
}

test('reluIsLinear: relu on sums and scalings (a linear f has f(a + b) = f(a) + f(b) and f(c a) = c f(a))', () => {
  const f = (z: number) => need('relu', 'activations.ts', () => relu(z));
  const rows: unknown[][] = [];
  for (const [a, b] of [
    [1, 2],
    [-1, 1],
    [2, -3],
    [-2, -1],
  ]) {
    rows.push([`f(${a} + ${b})`, f(a + b), f(a) + f(b), `f(${a}) + f(${b})`]);
  }
  for (const [c, a] of [
    [3, 1],
    [-1, 2],
  ]) {
    rows.push([`f(${c} · ${a})`, f(c * a), c * f(a), `${c} · f(${a})`]);
  }
  print(
    'Is the function relu itself linear?',
    'Your relu; compare the last two columns row by row.',
    ['left side', 'your relu gives', 'right side gives', 'right side'],
    rows,
  );
});

test('reluGradAtZero: reluGrad around 0, and the gradient backward gives a unit sitting exactly at z1 = 0', () => {
  const net: Network = { W1: [[1], [1]], b1: [0, 0.5], W2: [[1, 1]], b2: [0] };
  const rows: unknown[][] = [-0.5, 0, 0.5].map((z) => [`reluGrad(${z})`, need('reluGrad', 'activations.ts', () => reluGrad(z))]);
  const { db1 } = need('backward', 'backprop.ts', () => backward(net, [[0]], [[1]]));
  rows.push(['backward: db1[0], the unit at z1 = 0', db1[0]], ['backward: db1[1], the unit at z1 = 0.5', db1[1]]);
  print(
    'What value does the convention give reluGrad(0)?',
    'Network W1 = [[1], [1]], b1 = [0, 0.5], W2 = [[1, 1]], b2 = [0]; one sample x = 0, y = 1 (yHat - y = -0.5). db1[j] = (yHat - y) * W2[0][j] * the slope backward uses at z1[j].',
    ['your function', 'gives'],
    rows,
  );
});

test('deadMeans: per unit, output zero on how many samples, gradient non-zero on how many, and your deadNeurons', () => {
  const net: Network = { W1: [[1], [-1], [1]], b1: [0, 0.5, -3], W2: [[1, 1, 1]], b2: [1] };
  const xs = [-2, -1, 1, 2];
  const zero = [0, 0, 0];
  const moving = [0, 0, 0];
  for (const x of xs) {
    const { a1 } = need('forward', 'forward.ts', () => forward(net, [x]));
    const g = need('backward', 'backprop.ts', () => backward(net, [[x]], [[0]]));
    for (let j = 0; j < 3; j++) {
      if (a1[j] === 0) zero[j] += 1;
      if (g.dW1[j][0] !== 0 || g.db1[j] !== 0) moving[j] += 1;
    }
  }
  const dead = need('deadNeurons', 'dead-neurons.ts', () =>
    deadNeurons(
      net,
      xs.map((x) => [x]),
    ),
  );
  print(
    'What makes a unit dead?',
    'Network W1 = [[1], [-1], [1]], b1 = [0, 0.5, -3], W2 = [[1, 1, 1]], b2 = [1]; samples x = -2, -1, 1, 2, y = 0; gradients of each sample alone.',
    ['unit', 'weight W1', 'bias b1', 'output 0 on', 'gradient not 0 on', 'in your deadNeurons'],
    net.W1.map((row, j) => [j, row[0], net.b1[j], `${zero[j]} of 4 samples`, `${moving[j]} of 4 samples`, dead.includes(j)]),
  );
});

test('trainingFavoursLinear: one network trained on a line and on |x|, its losses, kinks and end slopes', () => {
  const start: Network = { W1: [[1], [-1], [0.5]], b1: [0.5, 0.5, -0.5], W2: [[0.5, 0.5, 0.5]], b2: [0] };
  const xs = [-3, -2, -1, 0, 1, 2, 3];
  const kinksOf = (net: Network) => need('kinks', 'linearity.ts', () => kinks(net, [-3, 3]));
  const slope = (net: Network, x0: number, x1: number) => {
    const [y0, y1] = [x0, x1].map((x) => need('predict', 'forward.ts', () => predict(net, [x]))[0]);
    return (y1 - y0) / (x1 - x0);
  };
  const before = kinksOf(start);
  const rows: unknown[][] = [];
  for (const [label, f] of [
    ['a line, y = x / 2 + 1', (x: number) => x / 2 + 1],
    ['a bent function, y = |x|', (x: number) => Math.abs(x)],
  ] as const) {
    const { net, losses } = need('train', 'training.ts', () =>
      train(
        start,
        xs.map((x) => [x]),
        xs.map((x) => [f(x)]),
        { epochs: 300, lr: 0.05 },
      ),
    );
    rows.push([label, losses[0], losses[losses.length - 1], before, kinksOf(net), slope(net, -3, -2), slope(net, 2, 3), `${f(-2) - f(-3)}, ${f(3) - f(2)}`]);
  }
  print(
    'Does training prefer linear networks over nonlinear ones?',
    'Network W1 = [[1], [-1], [0.5]], b1 = [0.5, 0.5, -0.5], W2 = [[0.5, 0.5, 0.5]], b2 = [0]; x = -3..3; 300 epochs, lr 0.05; kinks on (-3, 3).',
    ['data', 'loss, first epoch', 'loss, last epoch', 'kinks before', 'kinks after', 'slope on [-3, -2] after', 'slope on [2, 3] after', "data's slopes there"],
    rows,
  );
});

test('leakyReluCanDie: a unit off on every sample, trained with ReLU and with Leaky ReLU', () => {
  const xs = [-2, -1, 0, 1, 2];
  const X = xs.map((x) => [x]);
  const Y = xs.map((x) => [2 * Math.max(0, x) + 0.5]);
  const rows: unknown[][] = [];
  for (const [label, activation] of [
    ['ReLU', undefined],
    ['Leaky ReLU, alpha 0.1', { kind: 'leakyRelu', alpha: 0.1 }],
  ] as const) {
    const start: Network = { W1: [[1]], b1: [-3], W2: [[1]], b2: [0], ...(activation ? { activation: activation as Activation } : {}) };
    const deadOf = (net: Network) => need('deadNeurons', 'dead-neurons.ts', () => deadNeurons(net, X));
    const deadBefore = deadOf(start);
    const { net, losses } = need('train', 'training.ts', () => train(start, X, Y, { epochs: 300, lr: 0.1 }));
    const on = xs.filter((x) => need('forward', 'forward.ts', () => forward(net, [x])).z1[0] > 0).length;
    rows.push([label, deadBefore, [1, -3], [net.W1[0][0], net.b1[0]], `${on} of 5 samples`, deadOf(net), losses[0], losses[losses.length - 1]]);
  }
  print(
    'Can a Leaky ReLU unit (alpha != 0) die?',
    'Network W1 = [[1]], b1 = [-3], W2 = [[1]], b2 = [0] (z1 = x - 3 < 0 on every sample); x = -2..2, y = 2 relu(x) + 0.5; 300 epochs, lr 0.1.',
    [
      'activation',
      'your deadNeurons before',
      'weight, bias before',
      'weight, bias after',
      'z1 > 0 after on',
      'your deadNeurons after',
      'loss, first epoch',
      'loss, last epoch',
    ],
    rows,
  );
});
