import { describe, expect, test } from 'vitest';
import { chooseIsolation, type HostFacts } from '../../sandbox/isolation.ts';
import { main } from '../main.ts';
import { describeLayers } from './doctor.ts';
import { EVERY_LAYER } from '../../sandbox/testing/sampleHostFacts.ts';

const machine: HostFacts = EVERY_LAYER;

async function run(env: NodeJS.ProcessEnv, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['doctor', ...args], { out: (t) => void (stdout += t), err: (t) => void (stderr += t), color: false, env, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('relu-lab doctor', () => {
  test('lists each layer of this machine with its state, and exits 0', async () => {
    const { code, stdout } = await run({});
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}active {2}Node's permission model/m);
    expect(stdout).toMatch(/^ {2}(active|missing) {1,2}bubblewrap/m);
    expect(stdout).toMatch(/mode auto/);
  });

  test('says which layers RELU_LAB_ISOLATION switched off', async () => {
    const { code, stdout } = await run({ RELU_LAB_ISOLATION: 'permission-only' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}off {5}bubblewrap: RELU_LAB_ISOLATION=permission-only/m);
    expect(stdout).toMatch(/switched off by RELU_LAB_ISOLATION/);
  });

  test('says how to get a missing layer', () => {
    const facts = { ...machine, bwrap: null, bwrapMissing: 'bwrap is not installed', prlimit: null, nobodyRunsNode: false };
    const layers = describeLayers(facts, chooseIsolation(facts, 'auto'));
    const missing = Object.fromEntries(layers.filter((l) => l.state === 'missing').map((l) => [l.name, l.detail]));
    expect(missing.bubblewrap).toMatch(/bwrap is not installed.*apt-get install -y bubblewrap/);
    expect(missing['unprivileged user']).toMatch(/chmod o\+rx/);
    expect(missing.limits).toMatch(/apt-get install -y util-linux/);
  });

  test('names Node 22+ as covering trace events itself, and refuses arguments', async () => {
    const layers = describeLayers(machine, chooseIsolation(machine, 'auto'), '22.1.0');
    expect(layers.find((l) => l.name === 'host.mjs guards')?.detail).not.toMatch(/Node 20/);
    expect((await run({}, '--verbose')).code).toBe(2);
  });
});
