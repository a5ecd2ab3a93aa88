import { describe, expect, it } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { permissionFlag, sandboxCommand } from './sandboxCommand.ts';

describe('sandboxCommand', () => {
  it('uses the experimental permission flag before Node 22', () => {
    expect(permissionFlag('20.20.2')).toBe('--experimental-permission');
    expect(permissionFlag('21.7.0')).toBe('--experimental-permission');
    expect(permissionFlag('22.0.0')).toBe('--permission');
    expect(permissionFlag('24.1.0')).toBe('--permission');
  });

  it('allows reading the code folder only, limits the heap, the young generation and the compiler tier', () => {
    expect(sandboxCommand({ codeDir: '/tmp/j/code', hostFile: '/tmp/j/code/host.mjs', memoryMb: 256, nodeVersion: '20.20.2' })).toEqual([
      '--experimental-permission',
      '--allow-fs-read=/tmp/j/code',
      '--max-old-space-size=256',
      '--max-opt=1',
      '--max-semi-space-size=1',
      '--disable-warning=ExperimentalWarning',
      '/tmp/j/code/host.mjs',
    ]);
    const old = sandboxCommand({ codeDir: '/c', hostFile: '/c/host.mjs', memoryMb: 64, nodeVersion: '20.5.0' });
    expect(old).not.toContain('--disable-warning=ExperimentalWarning');
    expect(old.some((a) => a.startsWith('--allow-child-process') || a.startsWith('--allow-worker') || a.startsWith('--allow-fs-write'))).toBe(false);
  });

  it('refuses a folder with a comma, which Node 20 would read as two folders', () => {
    const error = (() => {
      try {
        sandboxCommand({ codeDir: '/tmp/a,/etc', hostFile: 'h', memoryMb: 64 });
      } catch (e) {
        return e;
      }
    })();
    expect(isReluLabError(error, 'sandbox-unavailable')).toBe(true);
  });

  it('refuses a heap limit Node cannot honour', () => {
    expect(() => sandboxCommand({ codeDir: '/c', hostFile: 'h', memoryMb: 0.5 })).toThrow(/memoryMb/);
  });
});
