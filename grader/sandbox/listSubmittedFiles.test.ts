import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listSubmittedFiles } from './listSubmittedFiles.ts';

it('lists the .ts files below a submission, without tests, node_modules or hidden folders', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-files-'));
  try {
    for (const file of ['b.ts', 'a.ts', 'a.test.ts', 'notes.md', 'lib/x.ts', 'node_modules/p/i.ts', '.git/h.ts']) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), '');
    }
    expect(await listSubmittedFiles(root)).toEqual(['a.ts', 'b.ts', 'lib/x.ts']);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
});
