import { describe, expect, test } from 'vitest';
import type { Io } from '../core/Io.ts';
import { main } from './main.ts';

function captured(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    color: false,
    env: {},
    cwd: process.cwd(),
    stdout: () => out,
    stderr: () => err,
  };
}

describe('relu-lab', () => {
  test('without a command it lists the commands and exits 2', async () => {
    const io = captured();
    expect(await main([], io)).toBe(2);
    expect(io.stdout()).toMatch(/grade +grade one submission/);
  });

  test('an unknown command is a usage error naming the fix', async () => {
    const io = captured();
    expect(await main(['grate'], io)).toBe(2);
    expect(io.stderr()).toMatch(/unknown command "grate"; run relu-lab --help/);
  });

  test('--help on a command shows its options and exits 0', async () => {
    const io = captured();
    expect(await main(['grade', '--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/--submission DIR/);
  });

  test('an unknown flag is a usage error with the synopsis', async () => {
    const io = captured();
    expect(await main(['grade', '--sumbission', 'x'], io)).toBe(2);
    expect(io.stderr()).toMatch(/usage: relu-lab grade/);
  });

  test('a missing submission folder is a usage error', async () => {
    const io = captured();
    expect(await main(['grade', '--submission', 'no/such/folder'], io)).toBe(2);
    expect(io.stderr()).toMatch(/no\/such\/folder is not a folder; pass the folder that holds/);
  });

  test('a bad --min-score is a usage error', async () => {
    const io = captured();
    expect(await main(['grade', '--min-score', 'lots'], io)).toBe(2);
    expect(io.stderr()).toMatch(/--min-score needs a number/);
  });
});
