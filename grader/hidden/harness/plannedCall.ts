// The calls hidden tests make into student code, and what each one reaches:
// a function `module.name`, directly or through the probe (grader/hidden/probe.mjs,
// copied beside the compiled submission), which calls a student function on
// the grader's behalf and reports more than its value.

/** The module name of grader/hidden/probe.mjs once copied into a compiled submission. */
export const PROBE_MODULE = 'relu-lab-probe';

/** One call a property will make, declared so it can be prefetched. */
export interface PlannedCall {
  module: string;
  name: string;
  args: unknown[];
}

/** The student module each probe helper other than argumentsAfter calls into. */
const PROBE_TARGETS: Record<string, string> = { reviveSeeded: 'training' };

/** `module.name` of the student function a call reaches (through the probe, the one it wraps). */
export function functionOf(module: string, name: string, args: unknown[]): string {
  if (module !== PROBE_MODULE) return `${module}.${name}`;
  return name === 'argumentsAfter' ? `${args[0]}.${args[1]}` : `${PROBE_TARGETS[name] ?? module}.${name}`;
}

/** The student module a call runs code of. */
export function moduleOf(module: string, name: string, args: unknown[]): string {
  return functionOf(module, name, args).split('.')[0];
}

/** The planned call behind `argumentsAfter(module, name, args)`. */
export function probeCall(module: string, name: string, args: unknown[]): PlannedCall {
  return { module: PROBE_MODULE, name: 'argumentsAfter', args: [module, name, args] };
}

/**
 * The same arguments: the same values or the very same objects (plans reuse
 * the generated ones), looking one list deep for the probe's [module, name, args].
 */
export function sameArgs(a: unknown[], b: unknown[], depth = 1): boolean {
  return (
    a.length === b.length &&
    a.every((v, i) => Object.is(v, b[i]) || (depth > 0 && Array.isArray(v) && Array.isArray(b[i]) && sameArgs(v, b[i] as unknown[], depth - 1)))
  );
}
