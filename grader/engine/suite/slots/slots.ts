// The slot files of the hidden suite: a run of the grading process's Vitest
// instance is one pass over them, each slot grading one batch of submissions
// (or none, as the run winds down). Bulk grading sends batch after batch to
// the same run, so its worker thread starts once per SLOT_COUNT batches.
import path from 'node:path';
import { PACKAGE_ROOT } from '../../../core/defaults.ts';

export const SLOT_COUNT = 16;

const HERE = path.join(PACKAGE_ROOT, 'grader/engine/suite/slots');

/** The file of slot `slot` (1-based): slot-01.hidden.ts … */
export function slotFile(slot: number): string {
  return path.join(HERE, `slot-${String(slot).padStart(2, '0')}.hidden.ts`);
}

/** The slot a test module is, from its file name; null for any other file. */
export function slotOf(moduleId: string): number | null {
  const match = /slot-(\d+)\.hidden\.ts$/.exec(moduleId);
  return match ? Number(match[1]) : null;
}

/** What a slot file holds. */
export function slotSource(slot: number): string {
  return `// Slot ${slot} of the hidden suite (see slots.ts); generated, all alike.\nimport { serveSlot } from '../serveSlot.ts';\n\nawait serveSlot(${slot});\n`;
}
