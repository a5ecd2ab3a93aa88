// A small zip writer for making archives on purpose: the sample class, the
// benchmark, and tests (which also need archives no careful tool would make:
// links, names that climb out). Deflate or store, no zip64, no encryption.
import { writeFile } from 'node:fs/promises';
import zlib from 'node:zlib';

export interface ZipItem {
  /** the name as stored, `/`-separated; a name ending in `/` is a folder */
  name: string;
  /** contents (a link's target for a symlink) */
  data?: string | Buffer;
  /** Unix mode with its type bits; 0o100644 for a file, 0o40755 for a folder, 0o120777 for a link */
  mode?: number;
  /** stored without compression */
  store?: boolean;
}

/** DOS time of 2026-01-01 00:00, so archives of the same items are byte-identical. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

export function zipBuffer(items: readonly ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const name = Buffer.from(item.name, 'utf8');
    const data = Buffer.isBuffer(item.data) ? item.data : Buffer.from(item.data ?? '', 'utf8');
    const folder = item.name.endsWith('/');
    const store = item.store || folder || data.length === 0;
    const body = store ? data : zlib.deflateRawSync(data);
    const method = store ? 0 : 8;
    const crc = zlib.crc32(data);
    const mode = item.mode ?? (folder ? 0o40755 : 0o100644);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, so the mode bits count
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((mode & 0xffff) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export async function writeZip(file: string, items: readonly ZipItem[]): Promise<void> {
  await writeFile(file, zipBuffer(items));
}

/** The items for every file of `files` (path inside the archive -> contents), under `prefix`. */
export function zipItemsOf(files: ReadonlyMap<string, string>, prefix = ''): ZipItem[] {
  return [...files].map(([name, data]) => ({ name: `${prefix}${name}`, data }));
}
