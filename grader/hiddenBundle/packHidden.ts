// relu-lab pack-hidden: an assignment's hidden face as something an
// instructor can keep private and hand to a grading run. A folder (or a .tgz
// of it) holding
// - engine.mjs: the grading engine, bundled (and typescriptHooks.mjs, which
//   lets it import the sources below in plain Node);
// - the assignment's public face, its hidden face and the Vitest slot files
//   of engine/suite/, with every project file they import (the reference among
//   them), as sources in the project's layout, for the engine and Vitest;
// - the manifest, the stubs the public face reads, and what the engine reads
//   at run time (schemas, the sandbox's probe);
// - hidden.json: version, counts, where the public face is, the file list and their hash.
import { sumPoints } from '../core/points.ts';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { ASSIGNMENT_FILE, loadAssignment, loadHiddenFace } from '../assignment/loadAssignment.ts';
import { DEFAULTS, PACKAGE_ROOT } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import { graderVersion } from '../engine/graderVersion.ts';
import { SLOT_COUNT, slotFile } from '../engine/suite/slots/slots.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { esbuildBase } from '../bundle/esbuildBase.ts';
import { packageRootHere } from '../bundle/packageRootHere.ts';
import { urlReferences } from '../bundle/urlReferences.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BUNDLE_INFO_FILE, bundleHash, type HiddenBundleInfo, listFiles } from './bundleFormat.ts';

const ENGINE_ENTRY = path.join(PACKAGE_ROOT, 'grader/hiddenBundle/engineEntry.ts');
/** read by the engine at run time through PACKAGE_ROOT, relative to it */
const ALSO_SHIPPED = ['grader/schemas/assignment.schema.json', 'grader/schemas/results.schema.json', 'grader/harness/probe.mjs'];

export interface PackedHidden {
  kind: 'folder' | 'tarball';
  path: string;
  info: HiddenBundleInfo;
}

const isTarball = (file: string) => /\.(tgz|tar\.gz)$/.test(file);
const toPosix = (p: string) => p.split(path.sep).join('/');

/** `file` (absolute) relative to PACKAGE_ROOT, `/`-separated; refused when it lies outside the project. */
function inProject(file: string, what: string): string {
  const relative = toPosix(path.relative(PACKAGE_ROOT, file));
  if (relative.startsWith('../') || path.isAbsolute(relative)) {
    throw new ReluLabError(
      'usage',
      `${what} (${file}) is outside ${PACKAGE_ROOT}: a hidden bundle holds the project's files in its layout, so keep the assignment inside it`,
    );
  }
  return relative;
}

async function copyInto(stage: string, relative: string, from = path.join(PACKAGE_ROOT, relative)): Promise<void> {
  const to = path.join(stage, ...relative.split('/'));
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.copyFile(from, to);
}

/**
 * The sources Vitest and the engine run, relative to PACKAGE_ROOT: the public
 * face, the hidden face and the slot files (the worker imports the hidden
 * face by its path, so it is an entry of its own), with everything they
 * import from the project and the files those read beside themselves.
 */
async function gradingSources(entries: readonly string[]): Promise<string[]> {
  const built = await esbuild.build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: [...entries],
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    outdir: path.join(os.tmpdir(), 'relu-lab-unused'),
    logLevel: 'silent',
  });
  const files = new Set(Object.keys(built.metafile.inputs).map(toPosix));
  for (const file of [...files]) for (const ref of await urlReferences(PACKAGE_ROOT, file)) files.add(ref);
  const outside = [...files].filter((f) => f.startsWith('../') || f.includes('node_modules/'));
  if (outside.length > 0) throw new ReluLabError('internal', `the hidden face imports files outside the project: ${outside.join(', ')}`);
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

export interface PackOptions {
  /** the assignment: a folder holding assignment.ts, or the module (default the ReLU course) */
  assignmentPath?: string;
  /** the manifest packed with it (default the assignment's) */
  manifestPath?: string;
}

export async function packHidden(out: string, opts: PackOptions = {}): Promise<PackedHidden> {
  const assignmentPath = path.resolve(opts.assignmentPath ?? DEFAULTS.assignmentPath);
  const assignment = await loadAssignment(assignmentPath);
  const assignmentModule = (await fs.stat(assignmentPath)).isDirectory() ? path.join(assignmentPath, ASSIGNMENT_FILE) : assignmentPath;
  const hidden = await loadHiddenFace(assignment.hiddenEntry);
  const manifest = await loadManifest(
    opts.manifestPath ?? assignment.manifestPath,
    assignment.modules.map((m) => m.name),
  );
  const publicFace = inProject(assignmentModule, 'the assignment');
  const manifestAt = inProject(assignment.manifestPath, "the assignment's manifest");
  // the public face may read its stubs (the course reads each stub's exports from its signatures)
  const stubs = [...assignment.modules.map((m) => `${m.name}.ts`), 'types.ts'].map((f) => path.join(assignment.exercisesDir, f));
  const presentStubs = (await Promise.all(stubs.map(async (f) => ((await fs.stat(f).catch(() => null)) ? inProject(f, 'a stub') : null)))).filter(
    (f) => f !== null,
  );
  const entries = [assignmentModule, assignment.hiddenEntry, ...Array.from({ length: SLOT_COUNT }, (_, i) => slotFile(i + 1))];

  const tarball = isTarball(out);
  const stage = tarball ? await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-pack-')) : out;
  try {
    if (!tarball) await prepareOut(stage);
    await fs.mkdir(stage, { recursive: true });

    const engine = await esbuild.build({ ...esbuildBase(PACKAGE_ROOT), entryPoints: { engine: ENGINE_ENTRY }, outdir: stage, plugins: [packageRootHere()] });
    // files the engine finds beside its own module through import.meta.url (the TypeScript hooks)
    for (const input of Object.keys(engine.metafile!.inputs)) {
      for (const ref of await urlReferences(PACKAGE_ROOT, toPosix(input))) await copyInto(stage, path.posix.basename(ref), path.join(PACKAGE_ROOT, ref));
    }
    for (const file of new Set([...(await gradingSources(entries)), ...presentStubs, ...ALSO_SHIPPED])) await copyInto(stage, file);
    await copyInto(stage, manifestAt, manifest.path);
    const version = await graderVersion();
    await fs.writeFile(path.join(stage, 'package.json'), `${JSON.stringify({ name: 'relu-lab-hidden', version, private: true, type: 'module' }, null, 2)}\n`);

    const files = (await listFiles(stage)).filter((f) => f !== BUNDLE_INFO_FILE);
    const info: HiddenBundleInfo = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      graderVersion: version,
      assignment: manifest.title,
      publicFace,
      checks: hidden.checks.length,
      points: sumPoints(manifest.tasks.map((t) => t.points)),
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
