import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, OFFICIAL_TYPES, ownFileFor } from './confineImports.ts';

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

  it('finds an imported file as esbuild does, and leaves anything else to esbuild', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relu-lab-own-file-'));
    try {
      for (const file of ['a.ts', 'b.tsx', 'b.ts', 'c.ts', 'd.mts', 'e.js']) fs.writeFileSync(path.join(dir, file), '');
      fs.mkdirSync(path.join(dir, 'internal'));
      fs.writeFileSync(path.join(dir, 'internal', 'index.ts'), '');
      const at = (name: string) => path.join(dir, name);
      expect(ownFileFor(at('a.ts'))).toBe(at('a.ts'));
      expect(ownFileFor(at('a'))).toBe(at('a.ts'));
      expect(ownFileFor(at('b'))).toBe(at('b.tsx')); // esbuild tries .tsx before .ts
      expect(ownFileFor(at('c.js'))).toBe(at('c.ts')); // a .js name for its TypeScript source
      expect(ownFileFor(at('d.mjs'))).toBe(at('d.mts'));
      expect(ownFileFor(at('e.js'))).toBe(at('e.js'));
      expect(ownFileFor(at('internal'))).toBeNull(); // a folder's index: esbuild's own resolution
      expect(ownFileFor(at('missing'))).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
