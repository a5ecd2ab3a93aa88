// A compile-time check, run by `tsc -p .` (and so by `npm test`): every
// module in solutions/ and its twin in exercises/ export exactly the same
// names, each with exactly the same type. A stub whose signature drifts from
// the reference (a renamed export, a missing default, a different return
// type) makes this file fail to compile, naming the module and the export.
//
// Nothing here runs; only the types matter.

/** `true` when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * The names of the exports on which two module types disagree: exported by
 * only one side, or exported by both with different types. `never` when the
 * twins match.
 */
type Mismatches<Reference, Exercise> = {
  [K in keyof Reference | keyof Exercise]: K extends keyof Reference
    ? K extends keyof Exercise
      ? Equal<Reference[K], Exercise[K]> extends true
        ? never
        : K
      : K
    : K;
}[keyof Reference | keyof Exercise];

/** Compiles only when T is `never`; otherwise the error shows the offending export names. */
type NoMismatch<T extends never> = T;

/** The seven modules of the contract, each as [reference, exercise]. */
interface Twins {
  activations: [typeof import('./activations.ts'), typeof import('../exercises/activations.ts')];
  forward: [typeof import('./forward.ts'), typeof import('../exercises/forward.ts')];
  backprop: [typeof import('./backprop.ts'), typeof import('../exercises/backprop.ts')];
  'dead-neurons': [typeof import('./dead-neurons.ts'), typeof import('../exercises/dead-neurons.ts')];
  linearity: [typeof import('./linearity.ts'), typeof import('../exercises/linearity.ts')];
  claims: [typeof import('./claims.ts'), typeof import('../exercises/claims.ts')];
  training: [typeof import('./training.ts'), typeof import('../exercises/training.ts')];
}

/** Mismatching export names, per module. */
type TwinMismatches = { [M in keyof Twins]: Mismatches<Twins[M][0], Twins[M][1]> };

// One assertion per module, so an error points at the module that drifted.
export type TwinChecks = [
  NoMismatch<TwinMismatches['activations']>,
  NoMismatch<TwinMismatches['forward']>,
  NoMismatch<TwinMismatches['backprop']>,
  NoMismatch<TwinMismatches['dead-neurons']>,
  NoMismatch<TwinMismatches['linearity']>,
  NoMismatch<TwinMismatches['claims']>,
  NoMismatch<TwinMismatches['training']>,
];

// The check itself must be able to fail: a self-test of the machinery.
type Sample = { f: (x: number, alpha?: number) => number; g: () => void };
export type SelfChecks = [
  NoMismatch<Mismatches<Sample, Sample>>,
  // @ts-expect-error a missing default (alpha?: number vs alpha: number) is a mismatch
  NoMismatch<Mismatches<Sample, { f: (x: number, alpha: number) => number; g: () => void }>>,
  // @ts-expect-error an export on one side only is a mismatch
  NoMismatch<Mismatches<Sample, { f: Sample['f'] }>>,
  // @ts-expect-error a different return type is a mismatch
  NoMismatch<Mismatches<Sample, { f: (x: number, alpha?: number) => string; g: () => void }>>,
];
