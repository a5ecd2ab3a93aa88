// How an experiment reaches the student's functions: the calls the sandbox
// serves (a hidden face's PlotSource and a Sandbox both have this shape).
// A function that does not work yet stops its experiment with `Blocked`,
// which the report shows as "implement X first", never as a crash.
import { sanitiseText } from '../../core/sanitiseText.ts';
import type { CallOutcome } from '../../sandbox/CallOutcome.ts';

export interface ExperimentSource {
  call(module: string, name: string, args: unknown[]): Promise<CallOutcome>;
}

/** Longest piece of a student's error message an experiment repeats. */
const MESSAGE_CHARS = 160;

const clip = (text: string): string => {
  const clean = sanitiseText(text, { singleLine: true });
  return clean.length > MESSAGE_CHARS ? `${clean.slice(0, MESSAGE_CHARS)}…` : clean;
};

/** An experiment cannot run: `needs` is the student's function that has to work first. */
export class Blocked extends Error {
  readonly code = 'experiment-blocked';
  constructor(
    readonly needs: string,
    message: string,
  ) {
    super(message);
  }
}

/** Blocked on `name` of `module`, saying what it did instead. */
export function blockedOn(module: string, name: string, why: string): Blocked {
  return new Blocked(name, `implement ${name} first (exercises/${module}.ts): ${why}`);
}

/** The value `name` of `module` returned for `args`; Blocked when it threw, hung or crashed. */
export async function ask(source: ExperimentSource, module: string, name: string, args: unknown[]): Promise<unknown> {
  const outcome = await source.call(module, name, args);
  switch (outcome.kind) {
    case 'returned':
      return outcome.value;
    case 'threw':
      throw blockedOn(
        module,
        name,
        /^not implemented/.test(outcome.error.message)
          ? 'it still throws "not implemented"'
          : `it threw ${clip(outcome.error.name)}: ${clip(outcome.error.message)}`,
      );
    case 'timed-out':
    case 'crashed':
    case 'unavailable':
      throw blockedOn(module, name, clip(outcome.message));
  }
}

/** A number (null when JSON could not carry it: NaN, Infinity); Blocked when the reply is something else. */
export function numberFrom(value: unknown, module: string, name: string): number | null {
  if (value === null || typeof value === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  throw blockedOn(module, name, `it returned ${typeof value}, not a number`);
}

/** A list of numbers; Blocked when the reply is something else. */
export function numbersFrom(value: unknown, module: string, name: string, what = 'a list of numbers'): (number | null)[] {
  if (!Array.isArray(value)) throw blockedOn(module, name, `it returned no ${what}`);
  return value.map((v) => numberFrom(v, module, name));
}

/** A `rows` x `columns` matrix of numbers at `field` of a reply (a gradient, a layer's weights). */
export function matrixFrom(value: unknown, module: string, name: string, field: string, rows: number, columns: number): (number | null)[][] {
  const m = value as unknown[];
  if (!Array.isArray(m) || m.length !== rows || !m.every((r) => Array.isArray(r) && r.length === columns)) {
    throw blockedOn(module, name, `its ${field} is not a ${rows} x ${columns} matrix of numbers`);
  }
  return m.map((r) => numbersFrom(r, module, name));
}

/** Field `field` of an object reply; Blocked when the reply has none. */
export function fieldOf(value: unknown, field: string, module: string, name: string): unknown {
  if (typeof value !== 'object' || value === null || !(field in value)) throw blockedOn(module, name, `it returned no object with ${field}`);
  return (value as Record<string, unknown>)[field];
}
