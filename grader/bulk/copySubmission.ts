// Copies the located exercise folder into a private folder that is graded
// instead: regular files and folders only (no links, nothing hidden, no
// node_modules, no .git), within a size limit. The grader then never works
// in a student's repository, where git's own config could name programs.
import { copyFile, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

export interface CopyLimits {
  maxFiles: number;
  maxBytes: number;
}

export const DEFAULT_COPY_LIMITS: CopyLimits = { maxFiles: 2_000, maxBytes: 50 * 1024 * 1024 };

export type Copied = { kind: 'copied'; files: number; bytes: number } | { kind: 'refused'; reason: string };

export async function copySubmission(from: string, to: string, limits: CopyLimits = DEFAULT_COPY_LIMITS): Promise<Copied> {
  const state = { files: 0, bytes: 0 };
  const walk = async (src: string, dst: string): Promise<string | null> => {
    await mkdir(dst, { recursive: true });
    for (const entry of await readdir(src, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === '__MACOSX') continue;
      const source = path.join(src, entry.name);
      if (entry.isDirectory()) {
        const problem = await walk(source, path.join(dst, entry.name));
        if (problem) return problem;
      } else if (entry.isFile()) {
        const { size } = await lstat(source);
        state.files += 1;
        state.bytes += size;
        if (state.files > limits.maxFiles) return `it has more than ${limits.maxFiles} files`;
        if (state.bytes > limits.maxBytes) return `its files add up to more than ${limits.maxBytes} bytes`;
        await copyFile(source, path.join(dst, entry.name));
      }
    }
    return null;
  };
  const problem = await walk(from, to);
  return problem ? { kind: 'refused', reason: problem } : { kind: 'copied', ...state };
}
