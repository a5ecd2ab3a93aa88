import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOT_COUNT, slotFile, slotOf, slotSource } from './slots.ts';

describe('slot files', () => {
  it('exist, one per slot, each exactly as generated', () => {
    for (let slot = 1; slot <= SLOT_COUNT; slot++) {
      expect(fs.readFileSync(slotFile(slot), 'utf8')).toBe(slotSource(slot));
    }
    const files = fs.readdirSync(path.dirname(slotFile(1))).filter((f) => f.endsWith('.hidden.ts'));
    expect(files).toHaveLength(SLOT_COUNT);
  });

  it('are told apart by their module id', () => {
    expect(slotOf(slotFile(7))).toBe(7);
    expect(slotOf('/x/grader/engine/suite/serveSlot.ts')).toBeNull();
  });
});
