// Unpacks a student's .zip into a fresh folder, refusing what an archive
// must not do: names that leave the folder (zip-slip: absolute, `..`,
// drive letters), symbolic links, encrypted entries, and archives that would
// expand past a count or size limit (checked on the declared sizes before
// anything is written, and again on the bytes as they arrive).
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  /** entries, folders included */
  maxEntries: number;
  /** uncompressed bytes of all files together */
  maxTotalBytes: number;
}

/** A class's submissions (a few small .ts files each) need far less; these stop bombs, not students. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 50 * 1024 * 1024 };

export type Extracted = { kind: 'extracted'; files: number; bytes: number } | { kind: 'refused'; reason: string };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Extracts `zipPath` into `targetDir` (created; it should be empty). Never throws for a bad archive: it says why it refused. */
export async function extractZip(zipPath: string, targetDir: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Extracted> {
  const target = path.resolve(targetDir);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    return { kind: 'refused', reason: `not a readable zip archive: ${(e as Error).message}` };
  }
  try {
    if (zip.entryCount > limits.maxEntries) return { kind: 'refused', reason: `it has ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}` };
    // First pass: judge every entry before writing anything.
    const entries: Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      const problem = entryProblem(entry, target);
      if (problem) return { kind: 'refused', reason: problem };
      declared += entry.uncompressedSize;
      if (declared > limits.maxTotalBytes) return { kind: 'refused', reason: `it expands to more than ${limits.maxTotalBytes} bytes` };
      entries.push(entry);
    }
    await mkdir(target, { recursive: true });
    let written = 0;
    let files = 0;
    for (const entry of entries) {
      const destination = path.resolve(target, entry.fileName);
      if (entry.fileName.endsWith('/')) {
        await mkdir(destination, { recursive: true });
        continue;
      }
      await mkdir(path.dirname(destination), { recursive: true });
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          written += chunk.length;
          done(written > limits.maxTotalBytes ? new Error(`it expands to more than ${limits.maxTotalBytes} bytes`) : null, chunk);
        },
      });
      // 'wx': never follow or overwrite something already there
      await pipeline(await zip.openReadStreamPromise(entry), counter, createWriteStream(destination, { flags: 'wx', mode: 0o644 }));
      files += 1;
    }
    return { kind: 'extracted', files, bytes: written };
  } catch (e) {
    return { kind: 'refused', reason: `unsafe or damaged archive: ${(e as Error).message}` };
  } finally {
    zip.close();
  }
}

function entryProblem(entry: Entry, target: string): string | null {
  const name = entry.fileName;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) return `it contains a symbolic link (${name}); archives with links are refused`;
  if (entry.isEncrypted()) return `${name} is encrypted`;
  if (!entry.canDecodeFileData()) return `${name} uses a compression method that cannot be read`;
  // yauzl has already refused absolute names and `..` segments; check the resolved path all the same
  const destination = path.resolve(target, name);
  if (destination !== target && !destination.startsWith(target + path.sep)) return `${name} would be written outside the folder`;
  return null;
}
