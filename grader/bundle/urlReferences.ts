// Files a module reads beside itself through `new URL('./file', import.meta.url)`
// (the sandbox's host.mjs, for instance): a bundle must ship them too.
import fs from 'node:fs/promises';
import path from 'node:path';

const URL_REFERENCE = /new URL\(\s*['"](\.\.?\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

/** The files `file` (relative to root, `/`-separated) refers to that way, relative to root. */
export async function urlReferences(root: string, file: string): Promise<string[]> {
  if (!/\.(ts|mts|mjs|js)$/.test(file)) return [];
  const text = await fs.readFile(path.join(root, file), 'utf8').catch(() => '');
  return [...text.matchAll(URL_REFERENCE)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
}
