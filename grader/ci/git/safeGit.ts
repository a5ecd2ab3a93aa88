// simple-git for CI's own questions (which repository, which commits),
// with the environment submissionIdentity uses: only what git needs to find
// itself and the user's configuration, no optional locks, no prompts.
import { simpleGit, type SimpleGit } from 'simple-git';

const PASSED_VARIABLES = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'XDG_CONFIG_HOME', 'LANG', 'LC_ALL', 'GIT_CEILING_DIRECTORIES'];
const ALLOWED_GIT_VARIABLES = ['GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT', 'GIT_CEILING_DIRECTORIES'];

export function safeGit(dir: string): SimpleGit {
  const env: Record<string, string> = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
  for (const name of PASSED_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return simpleGit({ baseDir: dir, allowEnvironment: ALLOWED_GIT_VARIABLES }).env(env);
}

/** The top of the work tree `dir` is in, or null when it is not in one (or git is missing). */
export async function workTreeRoot(dir: string): Promise<string | null> {
  try {
    const top = (await safeGit(dir).raw(['rev-parse', '--show-toplevel'])).trim();
    return top || null;
  } catch {
    return null;
  }
}
