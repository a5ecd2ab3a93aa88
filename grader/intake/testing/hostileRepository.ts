// A repository that tries every way a repository's own metadata can make git
// run a program or show other data, for tests. Each "program" it names
// writes a marker file into `markers/` (and then behaves as git expects), so
// a test can assert that none ran. Its tricks:
// - a clean/smudge filter reached only through `include.path` (a second
//   config file), on every `.ts` file, whose clean filter also runs
//   `onClean` (an end-to-end test makes it copy the reference over the work);
// - a filter defined in `config.worktree` (`extensions.worktreeConfig`);
// - `gpg.program` with `log.showSignature` and a HEAD with a `gpgsig` header;
// - `core.fsmonitor`, `core.hooksPath` (post-checkout and others),
//   `diff.evil.textconv`, `core.pager`;
// - `objects/info/alternates` to a second repository holding a forged commit,
//   and a `refs/replace/` ref that replaces HEAD by it (forged author, the
//   reference's files as its tree when `forgedFiles` says so).
// The work-tree files' times are moved after the index was written, so
// `git status` re-reads them (through the clean filter).
import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface HostileOptions {
  /** the honest commits: files written (path -> text) and the date of each */
  commits: { files: ReadonlyMap<string, string>; date: string; message: string }[];
  /** shell commands the clean filter runs before passing its input through */
  onClean?: string;
  /** the tree of the forged commit the replace ref shows instead of HEAD (default: HEAD's files) */
  forgedFiles?: ReadonlyMap<string, string>;
}

export interface HostileRepository {
  /** the work tree */
  dir: string;
  markers: string;
  /** HEAD: the honest last commit, with a gpgsig header */
  head: string;
  /** every honest commit, oldest first (the last one is `head`) */
  commits: string[];
  /** the commit the replace ref and alternates would show instead of HEAD */
  forged: string;
  /** the names of the markers written so far */
  ran(): Promise<string[]>;
}

const cleanEnv = (home: string) => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' });

async function script(file: string, body: string): Promise<string> {
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

async function commitAll(dir: string, home: string, files: ReadonlyMap<string, string>, date: string, message: string, author = 'Ada Honest'): Promise<string> {
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  const env = { ...cleanEnv(home), GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  await run('git', ['add', '--all'], { cwd: dir, env });
  await run('git', ['-c', `user.name=${author}`, '-c', 'user.email=ada@example.com', 'commit', '--quiet', '--allow-empty', '--no-gpg-sign', '-m', message], {
    cwd: dir,
    env,
  });
  return (await run('git', ['rev-parse', 'HEAD'], { cwd: dir, env })).stdout.trim();
}

/** Builds the hostile repository `root/repo` (and its helpers under `root`). */
export async function makeHostileRepository(root: string, options: HostileOptions): Promise<HostileRepository> {
  const dir = path.join(root, 'repo');
  const markers = path.join(root, 'markers');
  const bin = path.join(root, 'bin');
  const hooks = path.join(root, 'hooks');
  const home = path.join(root, 'home');
  for (const folder of [dir, markers, bin, hooks, home]) await mkdir(folder, { recursive: true });
  const env = cleanEnv(home);
  const git = async (args: string[], input?: string) => {
    const child = run('git', args, { cwd: dir, env });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    return (await child).stdout.trim();
  };

  await git(['init', '--quiet', '--initial-branch=main']);
  const commits: string[] = [];
  const attributes = new Map([['.gitattributes', '*.ts filter=inc diff=evil\n*.md filter=wt diff=evil\n']]);
  for (const [i, commit] of options.commits.entries()) {
    commits.push(await commitAll(dir, home, i === 0 ? new Map([...attributes, ...commit.files]) : commit.files, commit.date, commit.message));
  }
  // HEAD becomes a commit with the same tree that looks signed
  const last = options.commits[options.commits.length - 1];
  const tree = await git(['rev-parse', 'HEAD^{tree}']);
  const stamp = `${Math.floor(Date.parse(last.date) / 1000)} +0000`;
  const parents = commits.length > 1 ? `parent ${commits[commits.length - 2]}\n` : '';
  const signed = [
    `tree ${tree}`,
    `${parents}author Ada Honest <ada@example.com> ${stamp}`.trimStart(),
    `committer Ada Honest <ada@example.com> ${stamp}`,
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' iQEzBAABCAAdFiEEAAAAAAAAAAAAAAAAAAAAAAAAAAAFAmQAAAAACgkQAAAAAAAAAAA=',
    ' -----END PGP SIGNATURE-----',
    '',
    last.message,
    '',
  ].join('\n');
  const head = await git(['hash-object', '-t', 'commit', '-w', '--stdin'], signed);
  await git(['update-ref', 'refs/heads/main', head]);
  commits[commits.length - 1] = head;

  // the forged commit lives only in a second repository, reached through alternates
  const other = path.join(root, 'other');
  await mkdir(other);
  await run('git', ['init', '--quiet', '--initial-branch=main'], { cwd: other, env });
  const forged = await commitAll(other, home, options.forgedFiles ?? last.files, last.date, 'forged', 'Mallory Forged');
  await writeFile(path.join(dir, '.git/objects/info/alternates'), `${path.join(other, '.git/objects')}\n`);
  await mkdir(path.join(dir, '.git/refs/replace'), { recursive: true });
  await writeFile(path.join(dir, '.git/refs/replace', head), `${forged}\n`);

  const mark = (name: string) => `touch "${path.join(markers, name)}"`;
  const filter = await script(path.join(bin, 'filter'), `${mark('filter-$1')}\n${options.onClean ?? ''}\ncat`);
  const fsmonitor = await script(path.join(bin, 'fsmonitor'), `${mark('fsmonitor')}\nexit 1`);
  const gpg = await script(path.join(bin, 'gpg'), `${mark('gpg')}\nexit 1`);
  const textconv = await script(path.join(bin, 'textconv'), `${mark('textconv')}\ncat "$1"`);
  const pager = await script(path.join(bin, 'pager'), `${mark('pager')}\ncat`);
  for (const hook of ['post-checkout', 'pre-commit', 'post-index-change', 'reference-transaction', 'pre-auto-gc'])
    await script(path.join(hooks, hook), mark(`hook-${hook}`));
  await writeFile(
    path.join(dir, '.git/config'),
    [
      '[core]',
      '\trepositoryformatversion = 1',
      '\tbare = false',
      `\tfsmonitor = ${fsmonitor}`,
      `\thooksPath = ${hooks}`,
      `\tpager = ${pager}`,
      '[extensions]',
      '\tworktreeConfig = true',
      '[log]',
      '\tshowSignature = true',
      '[gpg]',
      `\tprogram = ${gpg}`,
      '[diff "evil"]',
      `\ttextconv = ${textconv}`,
      '[include]',
      '\tpath = evil.config',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, '.git/evil.config'), `[filter "inc"]\n\tclean = ${filter} inc-clean\n\tsmudge = ${filter} inc-smudge\n\trequired = true\n`);
  await writeFile(path.join(dir, '.git/config.worktree'), `[filter "wt"]\n\tclean = ${filter} wt-clean\n\tsmudge = ${filter} wt-smudge\n\trequired = true\n`);

  // the index's times no longer match: git status must re-read (and clean) every file
  const later = new Date(Date.now() + 3_600_000);
  for (const file of new Set(options.commits.flatMap((c) => [...c.files.keys()]))) await utimes(path.join(dir, file), later, later).catch(() => undefined);

  return { dir, markers, head, commits, forged, ran: async () => (await readdir(markers)).sort() };
}
