// GitHub Classroom's student repositories, as `gh classroom clone
// student-repos` lays them out: a folder `<assignment>-submissions/` holding
// one repository per student named `<assignment>-<login>` (the assignment's
// slug, a hyphen, the student's GitHub login). Both parts may contain
// hyphens, so the assignment's slug is found from the folder the repositories
// are in, or else as the prefix every repository shares.

/** GitHub logins: letters, digits and single hyphens, at most 39 characters, not starting or ending with a hyphen. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * The assignment's slug with its trailing hyphen (`relu-lab-`), or null when
 * the names do not look like Classroom's: from `<slug>-submissions` when the
 * class folder is named so, else the longest prefix ending in a hyphen that
 * every name shares (two names at least).
 */
export function classroomPrefix(classFolderName: string, names: readonly string[]): string | null {
  const fromFolder = /^(.+-)submissions$/.exec(classFolderName)?.[1] ?? null;
  if (fromFolder && names.length > 0 && names.every((n) => n.startsWith(fromFolder) && n.length > fromFolder.length)) return fromFolder;
  if (names.length < 2) return null;
  let prefix = names[0];
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut = prefix.lastIndexOf('-');
  if (cut <= 0) return null;
  const shared = prefix.slice(0, cut + 1);
  return names.every((n) => LOGIN.test(n.slice(shared.length))) ? shared : null;
}

/** The login in `<prefix><login>`, or null when what follows the prefix is not a GitHub login. */
export function classroomLogin(name: string, prefix: string): string | null {
  if (!name.startsWith(prefix)) return null;
  const login = name.slice(prefix.length);
  return LOGIN.test(login) ? login : null;
}
