// A git client for repositories relu-lab does not trust (a student's): their
// own config may name programs to run (hooks, filter drivers, an fsmonitor,
// a pager, a signature program), so every call overrides those, and git sees
// a minimal environment: what it needs to find itself and the user's
// configuration, nothing that could point it at another repository (GIT_DIR
// and friends, set while a git hook runs). No optional locks: `git status`
// must not take the index lock from under someone committing.
import { simpleGit, type SimpleGit } from 'simple-git';

const PASSED_VARIABLES = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'XDG_CONFIG_HOME', 'LANG', 'LC_ALL', 'GIT_CEILING_DIRECTORIES'];
const ALLOWED_GIT_VARIABLES = ['GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT', 'GIT_CONFIG_NOSYSTEM', 'GIT_CEILING_DIRECTORIES'];

/** `git -c` settings that stop a repository's config from running anything. */
export const SAFE_GIT_CONFIG = ['core.hooksPath=/dev/null', 'core.fsmonitor=false', 'log.showSignature=false', 'core.pager=cat'];

/**
 * simple-git refuses `-c` settings of these kinds unless told otherwise,
 * because a caller could point them at a program. Ours point them at
 * nothing (`/dev/null`, `false`, `cat`), which is the point of setting them.
 */
const UNSAFE_BUT_INERT = { allowUnsafeHooksPath: true, allowUnsafeFsMonitor: true, allowUnsafeFilter: true, allowUnsafePager: true };

function environment(): Record<string, string> {
  const env: Record<string, string> = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of PASSED_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** A simple-git client on `dir` with SAFE_GIT_CONFIG and `extraConfig` on every call. */
export function safeGit(dir: string, extraConfig: string[] = []): SimpleGit {
  return simpleGit({
    baseDir: dir,
    allowEnvironment: ALLOWED_GIT_VARIABLES,
    config: [...SAFE_GIT_CONFIG, ...extraConfig],
    unsafe: UNSAFE_BUT_INERT,
    timeout: { block: 60_000 },
  }).env(environment());
}
