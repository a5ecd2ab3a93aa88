// Every hidden check, in task order. The orchestrator reads this list to
// know what to expect; the suites register one Vitest test per entry.
import { activationsChecks } from './checks/activations.ts';
import { backpropChecks } from './checks/backprop.ts';
import type { CheckMeta } from './checks/CheckMeta.ts';
import { claimsChecks } from './checks/claims.ts';
import { deadNeuronsChecks } from './checks/dead-neurons.ts';
import { forwardChecks } from './checks/forward.ts';
import { linearityChecks } from './checks/linearity.ts';
import { trainingChecks } from './checks/training.ts';

export const CATALOG: readonly CheckMeta[] = [
  ...activationsChecks,
  ...forwardChecks,
  ...backpropChecks,
  ...deadNeuronsChecks,
  ...linearityChecks,
  ...claimsChecks,
  ...trainingChecks,
];

const byId = new Map(CATALOG.map((c) => [c.id, c]));

/** The metadata of check `id`; throws for an unknown id (a typo in a suite). */
export function getCheck(id: string): CheckMeta {
  const meta = byId.get(id);
  if (!meta) throw new Error(`unknown hidden check ${id}: declare it in grader/hidden/checks/`);
  return meta;
}
