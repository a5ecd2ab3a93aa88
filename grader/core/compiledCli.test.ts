import { describe, expect, it } from 'vitest';
import { compiledEntry, compiledMain } from './compiledCli.mjs';

describe('compiledCli', () => {
  it('builds one bundle with the CLI and a bulk run\'s grading process as entries', async () => {
    const main = await compiledMain();
    expect(typeof main).toBe('function');
    const worker = await compiledEntry('bulk-worker');
    expect(typeof worker?.serveGrading).toBe('function');
  });

  it('answers null for an entry the bundle does not have, so callers fall back to the sources', async () => {
    expect(await compiledEntry('no-such-entry')).toBeNull();
  });
});
