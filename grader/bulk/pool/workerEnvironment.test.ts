import { afterEach, describe, expect, it } from 'vitest';
import { ASSIGNMENT_ENV } from './protocol.ts';
import { workerEnvironment } from './workerEnvironment.ts';

describe('workerEnvironment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('gives the worker its own TMPDIR, manifest and assignment, without the outer Vitest or NODE_OPTIONS', () => {
    process.env.NODE_OPTIONS = '--inspect';
    const env = workerEnvironment('/tmp/w1', '/m/assignment.json', '/m/assignment.ts');
    expect(env).toMatchObject({ TMPDIR: '/tmp/w1', RELU_LAB_MANIFEST: '/m/assignment.json', [ASSIGNMENT_ENV]: '/m/assignment.ts' });
    // none named: the worker grades the default assignment, whatever the parent's environment says
    process.env[ASSIGNMENT_ENV] = '/elsewhere/assignment.ts';
    expect(workerEnvironment('/tmp/w1', undefined)[ASSIGNMENT_ENV]).toBe('');
    expect(Object.keys(env).filter((k) => /^(VITEST|__VITEST|TINYPOOL)/.test(k) || k === 'NODE_OPTIONS')).toEqual([]);
  });

  it('runs esbuild with one Go thread unless GOMAXPROCS is set', () => {
    delete process.env.GOMAXPROCS;
    expect(workerEnvironment('/tmp/w', undefined).GOMAXPROCS).toBe('1');
    process.env.GOMAXPROCS = '4';
    expect(workerEnvironment('/tmp/w', undefined).GOMAXPROCS).toBe('4');
  });
});
