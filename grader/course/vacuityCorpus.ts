// The ReLU course's vacuity corpus, and its table: for every export of the
// seven exercise modules, what it returns when it does no work. A grader that
// pays for such code pays for nothing, so `relu-lab validate` grades, from
// this table (as generated fixtures of grader/corpus/fixtureCorpus.ts),
// - one submission per export and way of doing nothing (the rest of its
//   module and every other module are the untouched stubs), which must earn
//   nothing at all, and
// - one submission per way of doing nothing in which every export does it,
//   which must stay at or under a few per cent.
// The ways of doing nothing:
// - constant: a type-correct value that is often right (0 for a slope, a
//   1x1 network), whatever the input;
// - empty: [], {}, 0 or false, whatever the input;
// - throws: a RangeError for every input (what the shape checks ask for);
// - identity: the input network handed back untouched (only for the
//   functions that return a network like the one they are given).
// Claims' exports are values: "throws" is a module that throws as it loads.

export type VacuousMode = 'constant' | 'empty' | 'throws' | 'identity';
export const VACUOUS_MODES: readonly VacuousMode[] = ['constant', 'empty', 'throws', 'identity'];

interface VacuousExport {
  module: string;
  name: string;
  /** `function relu(z: number): number` or `const answers: Answers` */
  head: string;
  /** the returned expression (functions) or the value (claims), by mode; a mode left out does not apply */
  gives: Partial<Record<Exclude<VacuousMode, 'throws'>, string>>;
  /** per cent a submission with only this export in this mode may still earn, when above 0 (and why) */
  allowance?: Partial<Record<VacuousMode, { percent: number; why: string }>>;
}

const ZERO_NET = '{ W1: [[0]], b1: [0], W2: [[0]], b2: [0] }';
const ZERO_GRADS = '{ dW1: [[0]], db1: [0], dW2: [[0]], db2: [0] }';
const EMPTY_GRADS = '{ dW1: [], db1: [], dW2: [], db2: [] }';
/** a 1-3-1 network with every weight 0: the right shape, and no property asked for */
const ZERO_131 = '{ W1: [[0], [0], [0]], b1: [0, 0, 0], W2: [[0, 0, 0]], b2: [0] }';

export const VACUITY_TABLE: readonly VacuousExport[] = [
  { module: 'activations', name: 'relu', head: 'function relu(z: number): number', gives: { constant: '1', empty: '0' } },
  { module: 'activations', name: 'reluGrad', head: 'function reluGrad(z: number): number', gives: { constant: '1', empty: '0' } },
  { module: 'activations', name: 'leakyRelu', head: 'function leakyRelu(z: number, alpha = 0.01): number', gives: { constant: '1', empty: '0' } },
  { module: 'activations', name: 'leakyReluGrad', head: 'function leakyReluGrad(z: number, alpha = 0.01): number', gives: { constant: '0.01', empty: '0' } },

  { module: 'forward', name: 'dense', head: 'function dense(W: Matrix, b: Vector, x: Vector): Vector', gives: { constant: '[0]', empty: '[]' } },
  {
    module: 'forward',
    name: 'forward',
    head: 'function forward(net: Network, x: Vector): ForwardCache',
    gives: { constant: '{ z1: [0], a1: [0], yHat: [0] }', empty: '{ z1: [], a1: [], yHat: [] }' },
  },
  { module: 'forward', name: 'predict', head: 'function predict(net: Network, x: Vector): Vector', gives: { constant: '[0]', empty: '[]' } },

  { module: 'backprop', name: 'mseLoss', head: 'function mseLoss(net: Network, X: Vector[], Y: Vector[]): number', gives: { constant: '1', empty: '0' } },
  {
    module: 'backprop',
    name: 'backward',
    head: 'function backward(net: Network, X: Vector[], Y: Vector[]): Gradients',
    gives: { constant: ZERO_GRADS, empty: EMPTY_GRADS },
  },
  {
    module: 'backprop',
    name: 'numericalGradient',
    head: 'function numericalGradient(net: Network, X: Vector[], Y: Vector[], eps = 1e-5): Gradients',
    gives: { constant: ZERO_GRADS, empty: EMPTY_GRADS },
  },
  { module: 'backprop', name: 'relativeError', head: 'function relativeError(a: Gradients, b: Gradients): number', gives: { constant: '0.5', empty: '0' } },

  {
    module: 'dead-neurons',
    name: 'activationPattern',
    head: 'function activationPattern(net: Network, X: Vector[]): boolean[][]',
    gives: { constant: '[[true]]', empty: '[]' },
  },
  { module: 'dead-neurons', name: 'deadNeurons', head: 'function deadNeurons(net: Network, X: Vector[]): number[]', gives: { constant: '[0]', empty: '[]' } },
  {
    module: 'dead-neurons',
    name: 'alwaysActiveNeurons',
    head: 'function alwaysActiveNeurons(net: Network, X: Vector[]): number[]',
    gives: { constant: '[0]', empty: '[]' },
  },

  { module: 'linearity', name: 'kinks', head: 'function kinks(net: Network, [lo, hi]: Interval): number[]', gives: { constant: '[0]', empty: '[]' } },
  {
    module: 'linearity',
    name: 'isLinearOn',
    head: 'function isLinearOn(net: Network, interval: Interval): boolean',
    gives: { constant: 'true', empty: 'false' },
  },

  { module: 'claims', name: 'linearExample', head: 'const linearExample: Network', gives: { constant: ZERO_131, empty: '{} as Network' } },
  { module: 'claims', name: 'nonlinearExample', head: 'const nonlinearExample: Network', gives: { constant: ZERO_131, empty: '{} as Network' } },
  {
    module: 'claims',
    name: 'answers',
    head: 'const answers: Answers',
    gives: {
      constant: "{ reluIsLinear: false, reluGradAtZero: 0, deadMeans: 'output-zero-once', trainingFavoursLinear: false, leakyReluCanDie: false }",
      empty: '{} as Answers',
    },
    allowance: {
      // a yes/no quiz can be guessed: false and 0 happen to be the right
      // answers to four of its five questions (1 + 1 + 0.5 + 0.5 points)
      constant: { percent: 3, why: 'false and 0 are the right answers to four of the five questions' },
    },
  },

  {
    module: 'training',
    name: 'sgdStep',
    head: 'function sgdStep(net: Network, grads: Gradients, lr: number): Network',
    gives: { constant: ZERO_NET, empty: '{} as Network', identity: 'net' },
  },
  {
    module: 'training',
    name: 'train',
    head: 'function train(net: Network, X: Vector[], Y: Vector[], { epochs, lr }: TrainOptions): TrainResult',
    gives: { constant: `{ net: ${ZERO_NET}, losses: [0] }`, empty: '{ net: {} as Network, losses: [] }', identity: '{ net, losses: [] }' },
  },
  {
    module: 'training',
    name: 'reviveDeadNeurons',
    head: 'function reviveDeadNeurons(net: Network, X: Vector[], rng: Rng): Network',
    gives: { constant: ZERO_NET, empty: '{} as Network', identity: 'net' },
  },
];

/** What one vacuous submission does: one export in one mode, or every export that has the mode. */
export type VacuousSpec = { mode: VacuousMode; module: string; name: string } | { mode: VacuousMode; every: true };

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The fixture name of a spec: `vacuous-forward-dense-throws`, `vacuous-every-export-constant`. */
export function vacuousName(spec: VacuousSpec): string {
  return 'every' in spec ? `vacuous-every-export-${spec.mode}` : `vacuous-${spec.module}-${kebab(spec.name)}-${spec.mode}`;
}

const applies = (entry: VacuousExport, mode: VacuousMode) => mode === 'throws' || entry.gives[mode] !== undefined;

/** Every spec of the table: each export in each of its modes, then each mode everywhere. */
export function vacuousSpecs(): VacuousSpec[] {
  const single = VACUITY_TABLE.flatMap((e) => VACUOUS_MODES.filter((m) => applies(e, m)).map((mode) => ({ mode, module: e.module, name: e.name })));
  return [...single, ...VACUOUS_MODES.map((mode) => ({ mode, every: true as const }))];
}

/** The per cent the spec's submission may earn at most, and why it may earn any. */
export function vacuousAllowance(spec: VacuousSpec): { percent: number; why: string } {
  const picked = VACUITY_TABLE.filter((e) => ('every' in spec ? applies(e, spec.mode) : e.module === spec.module && e.name === spec.name));
  const allowed = picked.flatMap((e) => (e.allowance?.[spec.mode] ? [e.allowance[spec.mode]!] : []));
  if (!('every' in spec)) return allowed[0] ?? { percent: 0, why: '' };
  // every export at once: the allowances add up, within the few per cent a guess may earn
  return { percent: 5, why: allowed.map((a) => a.why).join('; ') };
}

/** A sentence on what the spec's submission does. */
export function vacuousDescription(spec: VacuousSpec): string {
  const how: Record<VacuousMode, string> = {
    constant: 'returns a type-correct constant',
    empty: 'returns an empty answer ([], {}, 0 or false)',
    throws: 'throws a RangeError for every input',
    identity: 'hands back the network it was given',
  };
  return 'every' in spec
    ? `every export of the table that has the mode ${spec.mode} ${how[spec.mode]}; the rest of the submission is the stubs`
    : `exercises/${spec.module}.ts's ${spec.name} ${how[spec.mode]}; the rest of the submission is the stubs`;
}

const TYPES = ['Answers', 'ForwardCache', 'Gradients', 'Interval', 'Matrix', 'Network', 'Rng', 'TrainOptions', 'TrainResult', 'Vector'];

function declaration(entry: VacuousExport, mode: VacuousMode | 'stub'): string {
  const what = `${entry.name} (vacuous fixture)`;
  if (entry.module === 'claims') {
    const value =
      mode === 'stub'
        ? `notImplementedValue<${entry.head.split(': ')[1]}>('${entry.name}', 'left as the stub')`
        : mode === 'throws'
          ? `(() => {\n  throw new RangeError('${what}');\n})()`
          : entry.gives[mode];
    return `export ${entry.head} = ${value};\n`;
  }
  const body =
    mode === 'stub'
      ? `throw new Error('not implemented: ${entry.name}');`
      : mode === 'throws'
        ? `throw new RangeError('${what} always throws');`
        : `return ${entry.gives[mode]};`;
  return `export ${entry.head} {\n  ${body}\n}\n`;
}

/**
 * The modules the spec replaces in the stubs, by file name (`forward.ts`),
 * each one the module's exports with the spec's vacuous ones and stubs for
 * the others.
 */
export function vacuousModules(spec: VacuousSpec): Map<string, string> {
  const chosen = (e: VacuousExport) => ('every' in spec ? applies(e, spec.mode) : e.module === spec.module && e.name === spec.name);
  const modules = [...new Set(VACUITY_TABLE.filter(chosen).map((e) => e.module))];
  const out = new Map<string, string>();
  for (const module of modules) {
    const entries = VACUITY_TABLE.filter((e) => e.module === module);
    const decls = entries.map((e) => declaration(e, chosen(e) ? spec.mode : 'stub'));
    const text = decls.join('\n');
    const used = TYPES.filter((t) => new RegExp(`\\b${t}\\b`).test(text));
    const stubImport = module === 'claims' && text.includes('notImplementedValue') ? "import { notImplementedValue } from './not-implemented.ts';\n" : '';
    const header = `// ${vacuousDescription(spec)}.\n// Written by relu-lab validate from grader/course/vacuityCorpus.ts.\n`;
    out.set(
      `${module}.ts`,
      `${header}${used.length ? `import type { ${used.join(', ')} } from './types.ts';\n` : ''}${stubImport}\n${decls.length ? text : ''}`,
    );
  }
  return out;
}

/**
 * One submission of the vacuity corpus: the stubs with `files` written over
 * them. Its shape is what the corpus reader's generatedFixture() takes.
 */
export interface VacuousSubmission {
  spec: VacuousSpec;
  /** `vacuous-<module>-<export>-<mode>` or `vacuous-every-export-<mode>` */
  name: string;
  description: string;
  /** at most the per cent the table allows */
  expect: { kind: 'at-most'; percent: number };
  /** the modules the spec replaces, by file name */
  files: Map<string, string>;
}

/** The vacuity corpus: one submission per spec of the table, each allowed the per cent the table says. */
export function vacuityCorpus(): VacuousSubmission[] {
  return vacuousSpecs().map((spec) => {
    const allowance = vacuousAllowance(spec);
    const why = allowance.why ? ` (it may earn up to ${allowance.percent} %: ${allowance.why})` : '';
    return {
      spec,
      name: vacuousName(spec),
      description: `${vacuousDescription(spec)}${why}`,
      expect: { kind: 'at-most', percent: allowance.percent },
      files: vacuousModules(spec),
    };
  });
}
