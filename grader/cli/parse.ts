// Argument parsing for the commands, on node:util's parseArgs (built in, so
// no dependency is needed): unknown flags and bad numbers are usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ReluLabError } from '../core/errors.ts';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new ReluLabError('usage', e instanceof Error ? e.message : String(e));
  }
}

/** A number flag: undefined when absent, a usage error when not a number in [min, max]. */
export function numberFlag(name: string, value: string | undefined, min = -Infinity, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new ReluLabError('usage', `--${name} needs a number between ${min} and ${max}, got "${value}"`);
  }
  return n;
}
