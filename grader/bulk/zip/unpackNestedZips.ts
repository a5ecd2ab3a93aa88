// A student who zipped their zip: after an archive is unpacked, each `.zip`
// it held is unpacked in turn into a folder of the same name (without
// `.zip`) and removed, a few levels deep. All levels together stay within
// the limits of the outer archive (entries and bytes), with the same checks
// on every name (extractZip), so nesting cannot multiply what is written.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Extracted, extractZip, type ZipLimits } from './extractZip.ts';

/** Levels of archives inside archives that are unpacked; one deeper is refused. */
export const MAX_ZIP_NESTING = 3;

/** What the outer archive already used, and what the nested ones may add. */
export interface ZipBudget {
  entries: number;
  bytes: number;
}

export type Unpacked = { kind: 'unpacked'; archives: number } | { kind: 'refused'; reason: string };

/** Unpacks every `.zip` found under `dir` (not in hidden folders or `__MACOSX`), recursively, within `limits` less `used`. */
export async function unpackNestedZips(dir: string, limits: ZipLimits, used: ZipBudget, depth = 1): Promise<Unpacked> {
  const zips = await findZips(dir);
  let archives = 0;
  for (const zip of zips) {
    if (depth > MAX_ZIP_NESTING)
      return { kind: 'refused', reason: `it holds archives nested more than ${MAX_ZIP_NESTING} deep (${path.basename(zip)}); unzip it and hand in the files` };
    const target = await freeName(zip.replace(/\.zip$/i, ''));
    const remaining: ZipLimits = { maxEntries: limits.maxEntries - used.entries, maxTotalBytes: limits.maxTotalBytes - used.bytes };
    if (remaining.maxEntries <= 0 || remaining.maxTotalBytes <= 0)
      return { kind: 'refused', reason: `the archives inside it expand past ${limits.maxEntries} entries or ${limits.maxTotalBytes} bytes` };
    const extracted: Extracted = await extractZip(zip, target, remaining);
    if (extracted.kind === 'refused') {
      const together = ` (all its archives together may hold ${limits.maxEntries} entries and ${limits.maxTotalBytes} bytes)`;
      return { kind: 'refused', reason: `the archive inside it, ${path.basename(zip)}, was refused: ${extracted.reason}${together}` };
    }
    used.entries += extracted.files;
    used.bytes += extracted.bytes;
    await rm(zip, { force: true });
    archives += 1;
    const inner = await unpackNestedZips(target, limits, used, depth + 1);
    if (inner.kind === 'refused') return inner;
    archives += inner.archives;
  }
  return { kind: 'unpacked', archives };
}

async function findZips(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true }).catch(() => [])) {
      if (entry.name.startsWith('.') || entry.name === '__MACOSX' || entry.name === 'node_modules') continue;
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.zip')) found.push(full);
    }
  };
  await walk(dir);
  return found.sort();
}

/** `base`, or `base-2`, `base-3`... when something of that name is already there. */
async function freeName(base: string): Promise<string> {
  const taken = new Set(await readdir(path.dirname(base)).catch(() => [] as string[]));
  if (!taken.has(path.basename(base))) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${path.basename(base)}-${n}`)) return `${base}-${n}`;
}
