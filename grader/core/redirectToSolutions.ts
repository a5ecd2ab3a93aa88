// A Vite plugin that makes the students' visible tests (exercises/*.test.ts)
// import the reference instead of the stubs: one suite, two targets.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const exercises = path.join(root, 'exercises');
const solutions = path.join(root, 'solutions');

/** Resolves `./<module>.ts` imported from exercises/ to solutions/<module>.ts (types.ts stays shared). */
export function redirectToSolutions(): Plugin {
  return {
    name: 'relu-lab:redirect-to-solutions',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || path.dirname(importer) !== exercises || !source.startsWith('./')) return null;
      const file = path.basename(source);
      if (file === 'types.ts' || file.endsWith('.test.ts')) return null;
      return path.join(solutions, file);
    },
  };
}
