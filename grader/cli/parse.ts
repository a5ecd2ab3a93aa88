// Argument parsing for the commands, on node:util's parseArgs (built in, so
// no dependency is needed): unknown flags and bad numbers are usage errors.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Assignment } from '../assignment/Assignment.ts';
import { loadAssignment } from '../assignment/loadAssignment.ts';
import { DEFAULTS } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import type { Manifest } from '../manifest/types.ts';

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

/**
 * What `--assignment PATH` names (a folder holding assignment.ts, or that
 * module), resolved against `cwd`; the ReLU course when absent. Its manifest
 * is `--manifest FILE` when given, else the assignment's own, checked to
 * have one task for each of its modules.
 */
export async function assignmentFlags(
  values: { assignment?: string; manifest?: string },
  cwd: string,
): Promise<{ assignment: Assignment; assignmentPath: string; manifest: Manifest }> {
  const assignmentPath = values.assignment === undefined ? DEFAULTS.assignmentPath : path.resolve(cwd, values.assignment);
  const assignment = await loadAssignment(assignmentPath);
  const manifestPath = values.manifest === undefined ? assignment.manifestPath : path.resolve(cwd, values.manifest);
  const manifest = await loadManifest(
    manifestPath,
    assignment.modules.map((m) => m.name),
  );
  return { assignment, assignmentPath, manifest };
}
