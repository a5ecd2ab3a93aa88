// esbuild settings shared by relu-lab's bundles: one ESM file per entry for
// Node 20, with `require` available to the CommonJS packages bundled in
// (Ajv, Handlebars), and the packages that must stay installed left out.
import type { BuildOptions } from 'esbuild';

/** Packages a bundle imports at run time instead of carrying: Vitest (it starts workers from its own files) and esbuild (a native binary). */
export const RUNTIME_PACKAGES = ['vitest', 'vitest/*', '@vitest/*', 'vite', 'esbuild'];

export const ESM_REQUIRE_BANNER =
  "import { createRequire as __reluLabCreateRequire } from 'node:module'; const require = __reluLabCreateRequire(import.meta.url);";

export function esbuildBase(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: RUNTIME_PACKAGES,
    banner: { js: ESM_REQUIRE_BANNER },
    legalComments: 'none',
    logLevel: 'silent',
    color: false,
    metafile: true,
    write: true,
  };
}
