// Node module hooks for a hidden bundle's engine (registered by engineEntry):
// a .ts or .mts file of the bundle is loaded with its types stripped by
// esbuild, which the bundle needs installed anyway. Everything else loads as
// Node would load it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** @type {typeof import('esbuild') | undefined} */
let esbuild;

/**
 * @param {string} url
 * @param {{ format?: string | null }} context
 * @param {(url: string, context: object) => Promise<object>} nextLoad
 */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !/\.m?ts$/.test(url)) return nextLoad(url, context);
  esbuild ??= await import('esbuild');
  const file = fileURLToPath(url);
  const { code } = await esbuild.transform(await readFile(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcefile: file });
  return { format: 'module', source: code, shortCircuit: true };
}
