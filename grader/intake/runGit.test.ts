import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { gitEnvironment, runGit, type GitPlace } from './runGit.ts';

let dir: string;
let place: GitPlace;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-rungit-'));
  place = { gitDir: path.join(dir, 'git'), home: dir, timeoutMs: 10_000, maxOutputBytes: 1_000 };
  await runGit(place, ['init', '--quiet', '--bare', place.gitDir]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('runGit', () => {
  test("git gets PATH and the pinned variables only, whatever relu-lab's own environment holds", () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      GIT_INDEX_FILE: '/tmp/x',
      GIT_CONFIG_COUNT: '1',
      GIT_EXEC_PATH: '/tmp',
      SSH_AUTH_SOCK: '/tmp/s',
      XDG_CONFIG_HOME: '/root/.config',
    });
    try {
      const env = gitEnvironment({ gitDir: '/private/git', home: '/private/home' });
      expect(Object.keys(env).sort()).toEqual(
        [
          'GIT_ATTR_NOSYSTEM',
          'GIT_CONFIG_GLOBAL',
          'GIT_CONFIG_NOSYSTEM',
          'GIT_DIR',
          'GIT_LITERAL_PATHSPECS',
          'GIT_NO_LAZY_FETCH',
          'GIT_NO_REPLACE_OBJECTS',
          'GIT_OPTIONAL_LOCKS',
          'GIT_PAGER',
          'GIT_PROTOCOL_FROM_USER',
          'GIT_TERMINAL_PROMPT',
          'HOME',
          'LC_ALL',
          'PAGER',
          'PATH',
          'XDG_CONFIG_HOME',
        ].sort(),
      );
      expect(env).toMatchObject({
        GIT_DIR: '/private/git',
        HOME: '/private/home',
        XDG_CONFIG_HOME: '/private/home',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_NO_REPLACE_OBJECTS: '1',
      });
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  test('a call that overruns its time or prints too much is stopped with a coded error that says so', async () => {
    const slow = await runGit({ ...place, timeoutMs: 1 }, ['hash-object', '--stdin'], 'x'.repeat(1_000_000)).catch((e: unknown) => e);
    expect(isReluLabError(slow, 'grader-failed') && (slow as Error).message).toMatch(/ran longer than 1 ms/);
    const chatty = await runGit({ ...place, maxOutputBytes: 10 }, ['hash-object', '--stdin'], 'x').catch((e: unknown) => e);
    expect(isReluLabError(chatty, 'grader-failed') && (chatty as Error).message).toMatch(/printed more than 10 bytes/);
  });

  test('a failing call says which command failed and why', async () => {
    const failed = await runGit(place, ['log', '-1']).catch((e: unknown) => e);
    expect(isReluLabError(failed, 'grader-failed') && (failed as Error).message).toMatch(/git log failed on a copy of the repository: it exited with 128/);
  });
});
