// Whether an archive holds a file of a given name (at most a few folders
// deep), read from its central directory without unpacking anything: how a
// class folder that is one Gradescope export zip is told from a student's zip.
import yauzl from 'yauzl';

/** Entries looked at before giving up: an export lists its metadata among the first folders, a bomb is not read through. */
const MAX_LOOKED_AT = 200_000;

export async function zipHolds(zipPath: string, baseName: string, maxDepth = 2): Promise<boolean> {
  let zip;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, decodeStrings: true, strictFileNames: false });
  } catch {
    return false;
  }
  try {
    let seen = 0;
    for await (const entry of zip.eachEntry()) {
      if (++seen > MAX_LOOKED_AT) return false;
      const parts = entry.fileName.split('/');
      if (parts.at(-1) === baseName && parts.length - 1 <= maxDepth && !parts.includes('__MACOSX')) return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    zip.close();
  }
}
