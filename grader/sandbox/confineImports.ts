// An esbuild plugin that keeps a submission to its own files. Every import
// must resolve (after following symlinks) to a file inside the submission
// folder; `node:` built-ins stay external (the sandbox's permission model
// contains them at run time). An import of a file named types.ts that the
// submission does not have itself gets the official, types-only
// exercises/types.ts, so a submission without types.ts, and the reference
// (which imports '../exercises/types.ts'), both compile.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { displayPath } from './toDiagnostic.ts';

/** The official shared types, given to submissions that lack their own. */
export const OFFICIAL_TYPES = path.join(PACKAGE_ROOT, 'exercises', 'types.ts');

const BUILTINS = new Set(builtinModules);
const TYPES_NAME = /^types(\.ts|\.js|\.mts|\.mjs)?$/;
const RESOLVING = Symbol('relu-lab:confine-imports');

/** True when `file` is `dir` or lies below it. Both must be real (symlink-free) paths. */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realpathOrNull(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What esbuild appends to a path without an extension, in its order (its default resolveExtensions). */
const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.css', '.json'];
/** The TypeScript sources a `.js`-style specifier may name, as tsc allows. */
const SOURCES_OF: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * The file `target` (an absolute path from a relative import) names, found
 * the way esbuild finds it: the file itself, then with each extension, then
 * the TypeScript source of a `.js` name. Null for anything else (a folder's
 * index file, say), which is left to esbuild. Each answer saved here is a
 * round trip less between esbuild and this process.
 */
export function ownFileFor(target: string): string | null {
  if (isFile(target)) return target;
  for (const extension of EXTENSIONS) {
    if (isFile(target + extension)) return target + extension;
  }
  const extension = path.extname(target);
  for (const source of SOURCES_OF[extension] ?? []) {
    const file = target.slice(0, -extension.length) + source;
    if (isFile(file)) return file;
  }
  return null;
}

/** The plugin for a submission in `submissionDir`. */
export function confineImports(submissionDir: string): Plugin {
  const root = fs.realpathSync(submissionDir);
  const refuse = (source: string) => ({
    errors: [{ text: `imports ${source}: a submission may only import its own files` }],
  });
  return {
    name: 'relu-lab:confine-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === RESOLVING) return undefined;
        const source = args.path;
        if (args.kind === 'entry-point') {
          const real = realpathOrNull(source);
          if (real === null || !isInside(root, real)) return refuse(source);
          return { path: real };
        }
        if (source.startsWith('node:') || BUILTINS.has(source)) {
          return { path: source.startsWith('node:') ? source : `node:${source}`, external: true };
        }
        if (!(source === '.' || source === '..' || source.startsWith('./') || source.startsWith('../'))) {
          return refuse(source);
        }
        const target = path.resolve(args.resolveDir, source);
        const inside = isInside(root, target);
        const own = inside ? ownFileFor(target) : null;
        if (TYPES_NAME.test(path.basename(source)) && own === null) return { path: OFFICIAL_TYPES };
        if (!inside) return refuse(source);
        if (own !== null) {
          const real = realpathOrNull(own);
          return real === null || !isInside(root, real) ? refuse(source) : { path: real };
        }
        const resolved = await build.resolve(source, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: RESOLVING,
        });
        if (resolved.errors.length > 0 || resolved.external || resolved.path === '') {
          const from = displayPath(root, args.importer);
          return { errors: [{ text: `imports ${source}, which is not a file of the submission (looked from ${from})` }] };
        }
        const real = realpathOrNull(resolved.path);
        if (real === null || !isInside(root, real)) return refuse(source);
        return { path: real };
      });
    },
  };
}
