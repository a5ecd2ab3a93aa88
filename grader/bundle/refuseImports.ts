// An esbuild plugin that fails a build which would pull in a file it must
// not contain: the student edition may hold no reference code, no hidden
// check and no instructor tooling, whatever some import chain says.
import path from 'node:path';
import type { Plugin } from 'esbuild';

export interface Forbidden {
  /** a path below the project root, `/`-separated: a folder ending in `/`, or a file */
  path: string;
  why: string;
}

export function refuseImports(root: string, forbidden: readonly Forbidden[]): Plugin {
  return {
    name: 'relu-lab:refuse-imports',
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) => {
        const relative = path.relative(root, args.path).split(path.sep).join('/');
        const hit = forbidden.find((f) => (f.path.endsWith('/') ? relative.startsWith(f.path) : relative === f.path));
        if (!hit) return undefined;
        return { errors: [{ text: `${relative} must not be bundled here (${hit.why}); an import chain reaches it from ${args.path}` }] };
      });
    },
  };
}
