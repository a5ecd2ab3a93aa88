import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { gradedCatalogOf, readGradedCatalog } from './gradedCatalog.ts';

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-catalog-'));
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

describe('the graded catalog', () => {
  test("keeps each check's task, visibility (the manifest's default where it sets none) and points, and nothing else", () => {
    const catalog = gradedCatalogOf(
      [
        { id: 'a.one', task: 'a', name: 'secret name', weight: 1, calls: ['f'], hint: 'secret hint', points: 2.5 },
        { id: 'a.two', task: 'a', name: 'n', weight: 1, calls: ['f'], hint: 'h', visibility: 'after_due_date', points: 2.5 },
      ],
      { defaultVisibility: 'visible' },
    );
    expect(catalog).toEqual({
      format: 1,
      checks: [
        { task: 'a', visibility: 'visible', points: 2.5 },
        { task: 'a', visibility: 'after_due_date', points: 2.5 },
      ],
    });
    expect(JSON.stringify(catalog)).not.toMatch(/secret|a\.one/);
  });

  test('reads back what was written; none is null; a damaged one says how to restore it', async () => {
    const file = path.join(tmp, 'catalog.json');
    await fs.writeFile(file, JSON.stringify({ format: 1, checks: [{ task: 'a', visibility: 'hidden', points: 1 }] }));
    expect(await readGradedCatalog(file)).toEqual({ format: 1, checks: [{ task: 'a', visibility: 'hidden', points: 1 }] });
    expect(await readGradedCatalog(path.join(tmp, 'none.json'))).toBeNull();
    await fs.writeFile(file, JSON.stringify({ format: 1, checks: [{ task: 'a', visibility: 'secret', points: 1 }] }));
    await expect(readGradedCatalog(file)).rejects.toMatchObject({ code: 'assignment-invalid', message: expect.stringMatching(/checks\[0\].*Restore it/) });
  });
});
