// Opens a hidden bundle made by `relu-lab pack-hidden`: a folder, or a .tgz
// of one. Its description and file hash are checked, it is copied into a
// private temporary folder whose node_modules points at the packages this
// CLI runs with (Vitest, esbuild, fast-check), and its engine is imported.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ReluLabError } from '../core/errors.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BUNDLE_INFO_FILE, bundleHash, type HiddenBundleInfo } from './bundleFormat.ts';
import { ENGINE_API_VERSION, type EngineModule } from './engineApi.ts';

export interface HiddenBundle {
  info: HiddenBundleInfo;
  engine: EngineModule;
  /** the module of the packed assignment's public face, in the private copy: what `engine.openEngine` opens */
  publicFace: string;
  /** removes the private copy */
  dispose(): Promise<void>;
}

/** Packages the engine and the hidden face import at run time (esbuild also strips the sources' types). */
const NEEDED = ['vitest', 'esbuild', 'fast-check'];

/** The node_modules folder this CLI's Vitest comes from. */
export function nodeModulesOfVitest(): string {
  let resolved: string;
  try {
    resolved = fileURLToPath(import.meta.resolve('vitest/node'));
  } catch (e) {
    throw new ReluLabError('grader-failed', 'the hidden tests need Vitest installed beside relu-lab: run npm install', { cause: e });
  }
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = resolved.lastIndexOf(marker, resolved.lastIndexOf(`${marker}vitest${path.sep}`) + 1);
  if (at < 0) throw new ReluLabError('grader-failed', `cannot tell which node_modules folder Vitest comes from (${resolved})`);
  return resolved.slice(0, at + marker.length - 1);
}

async function readInfo(dir: string, shown: string): Promise<HiddenBundleInfo> {
  const text = await fs.readFile(path.join(dir, BUNDLE_INFO_FILE), 'utf8').catch(() => null);
  if (text === null) throw new ReluLabError('usage', `${shown} is not a hidden bundle (no ${BUNDLE_INFO_FILE}): make one with relu-lab pack-hidden`);
  let info: HiddenBundleInfo;
  try {
    info = JSON.parse(text) as HiddenBundleInfo;
  } catch (e) {
    throw new ReluLabError('grader-failed', `${shown}/${BUNDLE_INFO_FILE} is not JSON: pack the hidden bundle again`, { cause: e });
  }
  if (info.format !== BUNDLE_FORMAT || info.formatVersion !== BUNDLE_FORMAT_VERSION || !Array.isArray(info.files) || typeof info.publicFace !== 'string') {
    throw new ReluLabError(
      'grader-failed',
      `${shown} is a hidden bundle of another format (${info.format} ${info.formatVersion}); this relu-lab reads ${BUNDLE_FORMAT} ${BUNDLE_FORMAT_VERSION}`,
    );
  }
  const files = info.files.filter((f) => typeof f === 'string' && !f.startsWith('/') && !f.split('/').includes('..'));
  const hash = await bundleHash(dir, files).catch(() => null);
  if (files.length !== info.files.length || hash !== info.hash) {
    throw new ReluLabError('grader-failed', `${shown} does not match its ${BUNDLE_INFO_FILE} (a file is missing or changed): pack the hidden bundle again`);
  }
  return info;
}

/** The folder holding hidden.json: the extracted root or its only subfolder. */
async function bundleRoot(dir: string): Promise<string> {
  if (await fs.stat(path.join(dir, BUNDLE_INFO_FILE)).catch(() => null)) return dir;
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.length === 1 && entries[0].isDirectory() ? path.join(dir, entries[0].name) : dir;
}

export async function loadHiddenBundle(bundlePath: string): Promise<HiddenBundle> {
  const stat = await fs.stat(bundlePath).catch(() => null);
  if (!stat) throw new ReluLabError('usage', `no hidden bundle at ${bundlePath}`);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-hidden-'));
  const dispose = () => fs.rm(tmp, { recursive: true, force: true });
  try {
    let source = bundlePath;
    if (stat.isFile()) {
      const extracted = path.join(tmp, 'extracted');
      await fs.mkdir(extracted);
      await promisify(execFile)('tar', ['-xzf', path.resolve(bundlePath), '-C', extracted]).catch((e: Error) => {
        throw new ReluLabError('usage', `${bundlePath} could not be extracted as a .tgz: ${e.message}`, { cause: e });
      });
      source = await bundleRoot(extracted);
    }
    const info = await readInfo(source, bundlePath);
    const run = path.join(tmp, 'bundle');
    for (const file of info.files) {
      const to = path.join(run, ...file.split('/'));
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(path.join(source, ...file.split('/')), to);
    }
    const modules = nodeModulesOfVitest();
    const absent = [];
    for (const name of NEEDED) if (!(await fs.stat(path.join(modules, name)).catch(() => null))) absent.push(name);
    if (absent.length > 0)
      throw new ReluLabError('grader-failed', `the hidden tests need ${absent.join(', ')} in ${modules}: add them to package.json and run npm install`);
    await fs.symlink(modules, path.join(run, 'node_modules'), 'dir');
    const engine = (await import(pathToFileURL(path.join(run, 'engine.mjs')).href)) as EngineModule;
    if (engine.ENGINE_API !== ENGINE_API_VERSION) {
      throw new ReluLabError(
        'grader-failed',
        `${bundlePath} was packed by relu-lab ${info.graderVersion} for engine API ${engine.ENGINE_API}; this relu-lab needs ${ENGINE_API_VERSION}`,
      );
    }
    if (!info.files.includes(info.publicFace))
      throw new ReluLabError('grader-failed', `${bundlePath} names ${info.publicFace} as its assignment but does not hold it: pack the hidden bundle again`);
    return { info, engine, publicFace: path.join(run, ...info.publicFace.split('/')), dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}
