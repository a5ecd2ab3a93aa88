// An esbuild plugin for relu-lab's own bundles (the student edition, the
// hidden bundle's engine): PACKAGE_ROOT becomes the bundle's folder instead
// of two folders above grader/core/. Everything relu-lab reads relative to
// PACKAGE_ROOT (templates, schemas, the manifest, package.json) is then
// shipped beside the bundle in the same layout.
import fs from 'node:fs/promises';
import type { Plugin } from 'esbuild';

const DEFAULTS_FILE = /[\\/]grader[\\/]core[\\/]defaults\.ts$/;
const ROOT_LINE = /^export const PACKAGE_ROOT = .*$/m;
export const BUNDLED_ROOT_LINE = 'export const PACKAGE_ROOT = path.dirname(fileURLToPath(import.meta.url));';

export function packageRootHere(): Plugin {
  return {
    name: 'relu-lab:package-root-here',
    setup(build) {
      build.onLoad({ filter: DEFAULTS_FILE }, async (args) => {
        const text = await fs.readFile(args.path, 'utf8');
        if (!ROOT_LINE.test(text)) {
          return { errors: [{ text: `${args.path} no longer declares "export const PACKAGE_ROOT = …" on one line: update grader/bundle/packageRootHere.ts` }] };
        }
        return { contents: text.replace(ROOT_LINE, BUNDLED_ROOT_LINE), loader: 'ts' };
      });
    },
  };
}
