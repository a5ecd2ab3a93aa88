import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInside, OFFICIAL_TYPES } from './confineImports.ts';

describe('confineImports', () => {
  it('isInside accepts the folder and what is below it, nothing else', () => {
    expect(isInside('/s/exercises', '/s/exercises')).toBe(true);
    expect(isInside('/s/exercises', '/s/exercises/internal/shapes.ts')).toBe(true);
    expect(isInside('/s/exercises', '/s/exercises-other/a.ts')).toBe(false);
    expect(isInside('/s/exercises', '/s/solutions/backprop.ts')).toBe(false);
    expect(isInside('/s/exercises', '/etc/passwd')).toBe(false);
  });

  it('gives the official types file, which holds types only', () => {
    const text = fs.readFileSync(OFFICIAL_TYPES, 'utf8');
    expect(text).not.toMatch(/^export (const|let|var|function|class|default)/m);
  });
});
