// The hidden bundle's description, hidden.json, and the hash that ties it to
// its files: sha256 over each listed file in order, as its path, a NUL, its
// size in bytes, a NUL, its bytes (the same scheme as a submission's hash).
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const BUNDLE_FORMAT = 'relu-lab-hidden';
export const BUNDLE_FORMAT_VERSION = 2;
export const BUNDLE_INFO_FILE = 'hidden.json';

export interface HiddenBundleInfo {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  /** the relu-lab version that packed it */
  graderVersion: string;
  /** the assignment's title, from the packed manifest */
  assignment: string;
  /** the module of the assignment's public face, `/`-separated, inside the bundle */
  publicFace: string;
  /** how many hidden checks, and the points the manifest gives */
  checks: number;
  points: number;
  createdAt: string;
  /** sha256 of the files below, see bundleHash */
  hash: string;
  /** every file of the bundle but hidden.json, `/`-separated, sorted */
  files: string[];
}

export async function bundleHash(dir: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = await fs.readFile(path.join(dir, ...file.split('/')));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Every file below `dir`, relative with `/`, sorted by code unit. */
export async function listFiles(dir: string, sub = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, sub), { withFileTypes: true })) {
    const relative = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(dir, relative)));
    else if (entry.isFile()) found.push(relative);
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
