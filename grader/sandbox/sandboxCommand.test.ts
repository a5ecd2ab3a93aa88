import { describe, expect, it } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { permissionFlag, SANDBOX_FILE_SIZE_BYTES, SANDBOX_MAX_PROCESSES, SANDBOX_TMPFS_BYTES, sandboxCommand, sandboxLaunch } from './sandboxCommand.ts';

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

describe('sandboxLaunch', () => {
  const base = { mode: 'auto' as const, libraries: ['/lib/x86_64-linux-gnu/libc.so.6'], permissionFlag: '--experimental-permission' };
  const launch = (isolation: Parameters<typeof sandboxLaunch>[0]['isolation']) =>
    sandboxLaunch({ isolation, nodePath: '/usr/bin/node', nodeArgs: ['--x', '/j/code/host.mjs'], codeDir: '/j/code', emptyDir: '/j/sandbox-cwd' });

  it('runs Node alone, in the empty folder, with the permission model only', () => {
    expect(launch({ ...base, bwrap: null, user: null, prlimit: null, libraries: [] })).toEqual({
      file: '/usr/bin/node',
      args: ['--x', '/j/code/host.mjs'],
      cwd: '/j/sandbox-cwd',
      user: null,
    });
  });

  it('puts prlimit first (it execs the rest: the pid stays), with a process count only for an unprivileged user', () => {
    const asNobody = launch({ ...base, bwrap: null, user: { uid: 65534, gid: 65534 }, prlimit: '/usr/bin/prlimit', libraries: [] });
    expect(asNobody).toEqual({
      file: '/usr/bin/prlimit',
      args: [`--fsize=${SANDBOX_FILE_SIZE_BYTES}`, `--nproc=${SANDBOX_MAX_PROCESSES}`, '--', '/usr/bin/node', '--x', '/j/code/host.mjs'],
      cwd: '/j/sandbox-cwd',
      user: { uid: 65534, gid: 65534 },
    });
    expect(launch({ ...base, bwrap: null, user: null, prlimit: '/usr/bin/prlimit', libraries: [] }).args.some((a) => a.startsWith('--nproc'))).toBe(false);
  });

  it('runs Node inside bwrap, in its read-only code folder, seeing only Node, its libraries and the code', () => {
    const { file, args, cwd } = launch({ ...base, bwrap: '/usr/bin/bwrap', user: null, prlimit: null });
    expect(file).toBe('/usr/bin/bwrap');
    expect(cwd).toBe('/j/code');
    const split = args.indexOf('--');
    expect(args.slice(split + 1)).toEqual(['/usr/bin/node', '--x', '/j/code/host.mjs']);
    const options = args.slice(0, split);
    for (const flag of ['--unshare-net', '--unshare-pid', '--unshare-ipc', '--die-with-parent', '--new-session']) expect(options).toContain(flag);
    expect(options.join(' ')).toContain('--cap-drop ALL');
    expect(options.join(' ')).toContain(`--size ${SANDBOX_TMPFS_BYTES} --tmpfs /tmp`);
    const binds = options.flatMap((a, i) => (a === '--ro-bind' ? [options[i + 1]] : []));
    expect(binds).toEqual(['/lib/x86_64-linux-gnu/libc.so.6', '/usr/bin/node', '/j/code']);
    expect(options.indexOf('--tmpfs')).toBeLessThan(options.indexOf('--ro-bind'));
    expect(options).not.toContain('--bind');
    expect(options.join(' ')).toContain('--proc /proc --chdir /j/code');
  });

  it('keeps capabilities out by the user instead when bwrap itself runs unprivileged', () => {
    const { args } = launch({ ...base, bwrap: '/usr/bin/bwrap', user: { uid: 65534, gid: 65534 }, prlimit: null });
    expect(args).not.toContain('--cap-drop');
  });

  it('passes the niceness to host.mjs as its one argument', () => {
    expect(sandboxCommand({ codeDir: '/c', hostFile: '/c/host.mjs', memoryMb: 64, nodeVersion: '22.1.0', niceness: 10 }).slice(-2)).toEqual([
      '/c/host.mjs',
      '10',
    ]);
  });
});
