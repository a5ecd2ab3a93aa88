// The part of yauzl 3 (which ships no types) that relu-lab uses.
declare module 'yauzl' {
  import type { Readable } from 'node:stream';

  export interface Entry {
    /** validated by yauzl: relative, no `..` segments, `/` separators */
    fileName: string;
    uncompressedSize: number;
    compressedSize: number;
    /** the high 16 bits hold the Unix mode when the archive was made on Unix */
    externalFileAttributes: number;
    versionMadeBy: number;
    isEncrypted(): boolean;
    canDecodeFileData(): boolean;
  }

  export interface ZipFile {
    entryCount: number;
    eachEntry(): AsyncIterableIterator<Entry>;
    openReadStreamPromise(entry: Entry): Promise<Readable>;
    close(): void;
  }

  export interface Options {
    autoClose?: boolean;
    lazyEntries?: boolean;
    decodeStrings?: boolean;
    validateEntrySizes?: boolean;
    strictFileNames?: boolean;
  }

  const yauzl: {
    openPromise(path: string, options?: Options): Promise<ZipFile>;
    validateFileName(fileName: string): string | null;
  };
  export default yauzl;
}
