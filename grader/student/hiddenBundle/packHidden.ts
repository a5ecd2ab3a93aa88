// relu-lab pack-hidden: the hidden suite as something an instructor can keep
// private and hand to a grading run. A folder (or a .tgz of it) holding
// - engine.mjs: the grading engine and the check catalog, bundled;
// - grader/hidden/** with every file it imports (the reference among them),
//   as sources in the project's layout, for Vitest to run;
// - the manifest, the schemas and the shared types the engine reads;
// - hidden.json: version, counts, the file list and their hash.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { ReluLabError } from '../../core/errors.ts';
import { graderVersion } from '../../engine/graderVersion.ts';
import { CATALOG } from '../../hidden/catalog.ts';
import { loadManifest } from '../../manifest/loadManifest.ts';
import { esbuildBase } from '../bundle/esbuildBase.ts';
import { packageRootHere } from '../bundle/packageRootHere.ts';
import { urlReferences } from '../bundle/urlReferences.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BUNDLE_INFO_FILE, bundleHash, type HiddenBundleInfo, listFiles } from './bundleFormat.ts';

const ENGINE_ENTRY = path.join(PACKAGE_ROOT, 'grader/student/hiddenBundle/engineEntry.ts');
const HIDDEN_DIR = 'grader/hidden';
/** read by the engine at run time, relative to PACKAGE_ROOT */
const ALSO_SHIPPED = ['exercises/types.ts', 'grader/schemas/assignment.schema.json', 'grader/schemas/results.schema.json'];

export interface PackedHidden {
  kind: 'folder' | 'tarball';
  path: string;
  info: HiddenBundleInfo;
}

const isTarball = (file: string) => /\.(tgz|tar\.gz)$/.test(file);
const toPosix = (p: string) => p.split(path.sep).join('/');

async function copyInto(stage: string, relative: string, from = path.join(PACKAGE_ROOT, relative)): Promise<void> {
  const to = path.join(stage, ...relative.split('/'));
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.copyFile(from, to);
}

/** The hidden suite's sources and everything they import from the project, relative to PACKAGE_ROOT. */
async function hiddenSources(): Promise<string[]> {
  const all = (await listFiles(path.join(PACKAGE_ROOT, HIDDEN_DIR))).map((f) => `${HIDDEN_DIR}/${f}`).filter((f) => !/\.test\.ts$/.test(f));
  // .mjs files under grader/hidden are copied as they are (probe.mjs runs inside the sandbox, beside the compiled submission)
  const entries = all.filter((f) => /\.(ts|mts)$/.test(f));
  const built = await esbuild.build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    outdir: path.join(os.tmpdir(), 'relu-lab-unused'),
    logLevel: 'silent',
  });
  const files = new Set([...all, ...Object.keys(built.metafile.inputs).map(toPosix)]);
  for (const file of [...files]) for (const ref of await urlReferences(PACKAGE_ROOT, file)) files.add(ref);
  const outside = [...files].filter((f) => f.startsWith('../') || f.includes('node_modules/'));
  if (outside.length > 0) throw new ReluLabError('internal', `the hidden suite imports files outside the project: ${outside.join(', ')}`);
  return [...files].sort();
}

async function prepareOut(out: string): Promise<void> {
  const existing = await fs.readdir(out).catch(() => null);
  if (existing === null || existing.length === 0) return;
  if (!existing.includes(BUNDLE_INFO_FILE)) {
    throw new ReluLabError('usage', `${out} exists and is not a hidden bundle: choose a new folder (or a .tgz file name)`);
  }
  await fs.rm(out, { recursive: true, force: true });
}

export async function packHidden(out: string, opts: { manifestPath?: string } = {}): Promise<PackedHidden> {
  const manifest = await loadManifest(opts.manifestPath);
  const tarball = isTarball(out);
  const stage = tarball ? await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-pack-')) : out;
  try {
    if (!tarball) await prepareOut(stage);
    await fs.mkdir(stage, { recursive: true });

    const engine = await esbuild.build({ ...esbuildBase(PACKAGE_ROOT), entryPoints: { engine: ENGINE_ENTRY }, outdir: stage, plugins: [packageRootHere()] });
    // files the engine finds beside its own module through import.meta.url, if any
    for (const input of Object.keys(engine.metafile!.inputs)) {
      for (const ref of await urlReferences(PACKAGE_ROOT, toPosix(input))) await copyInto(stage, path.posix.basename(ref), path.join(PACKAGE_ROOT, ref));
    }
    for (const file of [...(await hiddenSources()), ...ALSO_SHIPPED]) await copyInto(stage, file);
    await copyInto(stage, 'grader/assignment.json', manifest.path);
    const version = await graderVersion();
    await fs.writeFile(path.join(stage, 'package.json'), `${JSON.stringify({ name: 'relu-lab-hidden', version, private: true, type: 'module' }, null, 2)}\n`);

    const files = (await listFiles(stage)).filter((f) => f !== BUNDLE_INFO_FILE);
    const info: HiddenBundleInfo = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      graderVersion: version,
      assignment: manifest.title,
      checks: CATALOG.length,
      points: manifest.tasks.reduce((sum, t) => sum + t.points, 0),
      createdAt: new Date().toISOString(),
      hash: await bundleHash(stage, files),
      files,
    };
    await fs.writeFile(path.join(stage, BUNDLE_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
    if (tarball) {
      await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
      await promisify(execFile)('tar', ['-czf', path.resolve(out), '-C', stage, '.']);
    }
    return { kind: tarball ? 'tarball' : 'folder', path: out, info };
  } finally {
    if (tarball) await fs.rm(stage, { recursive: true, force: true });
  }
}
