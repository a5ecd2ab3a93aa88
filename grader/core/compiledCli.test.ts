import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compiledEntry, compiledMain, compiledModule } from './compiledCli.mjs';
import { PACKAGE_ROOT } from './defaults.ts';

const run = promisify(execFile);

describe('compiledCli', () => {
  it("builds one bundle with the CLI, a bulk run's grading process and the default assignment's faces as entries", async () => {
    const main = await compiledMain();
    expect(typeof main).toBe('function');
    const worker = await compiledEntry('bulk-worker');
    expect(typeof worker?.serveGrading).toBe('function');
    const hidden = (await compiledModule(path.join(PACKAGE_ROOT, 'grader/course/hidden.ts'))) as { hidden?: { checks: unknown[] } } | null;
    expect(hidden?.hidden?.checks.length).toBeGreaterThan(0);
  });

  it('answers null for an entry or a file the bundle does not have, so callers fall back to the sources', async () => {
    expect(await compiledEntry('no-such-entry')).toBeNull();
    expect(await compiledModule(path.join(PACKAGE_ROOT, 'grader/core/defaults.ts'))).toBeNull();
  });

  it('grades with the compiled CLI and draws the full report, its figures included', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-compiled-'));
    try {
      const { stdout } = await run(process.execPath, [path.join(PACKAGE_ROOT, 'bin/relu-lab.mjs'), 'grade', 'solutions', '--out', out], {
        cwd: PACKAGE_ROOT,
        env: { ...process.env, RELU_LAB_DEBUG: '1' },
      });
      expect(stdout).not.toContain('could not be drawn');
      const html = await fs.readFile(path.join(out, 'report.html'), 'utf8');
      expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThan(0);
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
