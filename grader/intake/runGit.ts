// Runs git on a private git directory relu-lab built (see copyGitDir), never
// on a student's. Everything git could be told by its surroundings is pinned:
// GIT_DIR names the private directory, no system or global configuration, an
// empty HOME (git reads ~/.gitconfig and $XDG_CONFIG_HOME/git/*), no replace
// objects, no system attributes, no pager, no prompts, no lazy fetches, and no
// GIT_* variable from relu-lab's own environment (a git hook sets GIT_DIR and
// GIT_INDEX_FILE, CI may set GIT_CONFIG_COUNT). Each call has a time limit and
// a bound on what it may print.
import { spawn } from 'node:child_process';
import { ReluLabError } from '../core/errors.ts';

export interface GitPlace {
  /** the private git directory */
  gitDir: string;
  /** an empty folder: HOME, XDG_CONFIG_HOME and the folder git runs in */
  home: string;
  timeoutMs: number;
  /** the most bytes one call may print */
  maxOutputBytes: number;
}

/** The whole environment a git process gets: nothing is inherited but PATH. */
export function gitEnvironment(place: Pick<GitPlace, 'gitDir' | 'home'>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: place.home,
    XDG_CONFIG_HOME: place.home,
    LC_ALL: 'C',
    GIT_DIR: place.gitDir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_PROTOCOL_FROM_USER: '0',
    GIT_LITERAL_PATHSPECS: '1',
  };
}

/** Options every call starts with, before the subcommand. */
const LEADING = ['--no-pager', '--no-replace-objects'];

/**
 * Runs `git <args>` on `place` and returns what it printed. `input` is written
 * to its standard input. Throws ReluLabError `grader-failed` when git fails,
 * overruns its time or prints more than allowed.
 */
export function runGit(place: GitPlace, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...LEADING, ...args], { cwd: place.home, env: gitEnvironment(place), stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: string | null = null;
    const stop = (why: string) => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`it ran longer than ${place.timeoutMs} ms`), place.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > place.maxOutputBytes) stop(`it printed more than ${place.maxOutputBytes} bytes`);
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4_000) stderr += chunk.toString('utf8');
    });
    // git may exit before reading all of its input (an unknown object): that is its answer, not an error
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ReluLabError('grader-failed', `cannot run git (${e.message}): install git and make sure it is on PATH`, { cause: e }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure === null && code === 0) return resolve(Buffer.concat(chunks));
      const why = failure ?? `it exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ') || 'no message'}`;
      reject(new ReluLabError('grader-failed', `git ${args[0]} failed on a copy of the repository: ${why}`));
    });
  });
}
