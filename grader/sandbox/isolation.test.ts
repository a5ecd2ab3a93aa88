import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { canExecute, chooseIsolation, currentIsolation, findProgram, type HostFacts, hostFacts, isolationMode, parseLdd, SANDBOX_USER } from './isolation.ts';
import { EVERY_LAYER } from './testing/sampleHostFacts.ts';

const LDD = `	linux-vdso.so.1 (0x00007fd180f35000)
	libdl.so.2 => /lib/x86_64-linux-gnu/libdl.so.2 (0x00007fd180f1f000)
	libstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007fd180c00000)
	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007fd180a1c000)
	/lib64/ld-linux-x86-64.so.2 (0x00007fd180f37000)
`;

const machine: HostFacts = EVERY_LAYER;

describe('isolationMode', () => {
  it('is auto unless RELU_LAB_ISOLATION names a mode, and refuses anything else', () => {
    expect(isolationMode({})).toBe('auto');
    expect(isolationMode({ RELU_LAB_ISOLATION: '' })).toBe('auto');
    expect(isolationMode({ RELU_LAB_ISOLATION: 'no-bwrap' })).toBe('no-bwrap');
    expect(isolationMode({ RELU_LAB_ISOLATION: 'permission-only' })).toBe('permission-only');
    let error: unknown;
    try {
      isolationMode({ RELU_LAB_ISOLATION: 'none' });
    } catch (e) {
      error = e;
    }
    expect(isReluLabError(error, 'usage')).toBe(true);
    expect((error as Error).message).toMatch(/auto, no-bwrap, permission-only/);
  });
});

describe('chooseIsolation', () => {
  it('uses every layer the machine has in auto', () => {
    expect(chooseIsolation(machine, 'auto')).toEqual({
      mode: 'auto',
      bwrap: '/usr/bin/bwrap',
      user: SANDBOX_USER,
      prlimit: '/usr/bin/prlimit',
      libraries: ['/lib/x86_64-linux-gnu/libc.so.6'],
      permissionFlag: '--experimental-permission',
    });
  });

  it('keeps root under bwrap when bwrap works only as root (it then drops capabilities)', () => {
    expect(chooseIsolation({ ...machine, bwrap: { path: '/usr/bin/bwrap', asNobody: false } }, 'auto')).toMatchObject({ bwrap: '/usr/bin/bwrap', user: null });
  });

  it('drops to nobody without bwrap only when the grader is root and nobody can run Node', () => {
    expect(chooseIsolation(machine, 'no-bwrap')).toMatchObject({ bwrap: null, user: SANDBOX_USER, prlimit: '/usr/bin/prlimit', libraries: [] });
    expect(chooseIsolation({ ...machine, nobodyRunsNode: false }, 'no-bwrap')).toMatchObject({ user: null });
    expect(chooseIsolation({ ...machine, root: false }, 'no-bwrap')).toMatchObject({ user: null, prlimit: '/usr/bin/prlimit' });
  });

  it('gives nothing but the permission model in permission-only, and no bwrap when it is missing', () => {
    expect(chooseIsolation(machine, 'permission-only')).toMatchObject({ bwrap: null, user: null, prlimit: null });
    expect(chooseIsolation({ ...machine, bwrap: null, bwrapMissing: 'bwrap is not installed' }, 'auto')).toMatchObject({ bwrap: null, user: SANDBOX_USER });
  });
});

describe('probing the machine', () => {
  it('reads the libraries and the interpreter from ldd, not the vDSO', () => {
    expect(parseLdd(LDD)).toEqual([
      '/lib/x86_64-linux-gnu/libdl.so.2',
      '/lib/x86_64-linux-gnu/libstdc++.so.6',
      '/lib/x86_64-linux-gnu/libc.so.6',
      '/lib64/ld-linux-x86-64.so.2',
    ]);
  });

  it('judges whether a user may run a file by the folders above it too', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relu-lab-exec-'));
    try {
      const file = path.join(dir, 'tool');
      fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
      fs.chmodSync(dir, 0o700);
      const stranger = { uid: 4242424, gid: 4242424 };
      expect(canExecute(file, stranger)).toBe(false);
      fs.chmodSync(dir, 0o711);
      expect(canExecute(file, stranger)).toBe(true);
      fs.chmodSync(file, 0o700);
      expect(canExecute(file, stranger)).toBe(false);
      expect(canExecute(path.join(dir, 'missing'), stranger)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds programs on PATH and in the system folders', () => {
    expect(findProgram('sh', '')).toMatch(/\/sh$/);
    expect(findProgram('relu-lab-no-such-program', '')).toBeNull();
  });

  it('probes once per process, and says why bwrap is missing when it is', () => {
    const facts = hostFacts();
    expect(hostFacts()).toBe(facts);
    expect(currentIsolation({})).toBe(currentIsolation({}));
    expect(facts.bwrap === null).toBe(facts.bwrapMissing !== null);
    expect(facts.nodePath).toBe(fs.realpathSync(process.execPath));
  });
});
