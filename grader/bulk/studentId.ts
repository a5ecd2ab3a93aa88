// A student's id from the name of their entry: the name without its
// extension (`alice.zip` is `alice`), made safe as one path segment the way
// submission names are (letters, digits, `.`, `_`, `-`).

/** `name` without a file's extension (folders keep their whole name). */
export function studentId(name: string, isFile: boolean): string {
  const stem = isFile ? name.replace(/\.[A-Za-z0-9]+$/, '') : name;
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  return safe || 'student';
}
