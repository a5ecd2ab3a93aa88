// Compiles a submission for the sandbox: each module of the assignment
// is bundled by esbuild into one self-contained `<outDir>/<module>.mjs`. The
// bundle holds only the submission's own files (see confineImports), so the
// sandbox needs to read nothing but outDir. A file that does not compile
// becomes diagnostics before any student code runs.
import { closestName } from '../core/closestName.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { ReluLabError } from '../core/errors.ts';
import type { Diagnostic } from '../results/types.ts';
import { confineImports } from './confineImports.ts';
import { listSubmittedFiles } from './listSubmittedFiles.ts';
import { DISPLAY_DIR, toDiagnostic, uniqueDiagnostics } from './toDiagnostic.ts';

/** What became of one module. */
export type ModuleCompilation =
  { kind: 'compiled'; file: string } | { kind: 'failed'; diagnostics: Diagnostic[] } | { kind: 'missing'; diagnostics: Diagnostic[] };

export interface CompiledSubmission {
  /** the submission folder, absolute */
  submissionDir: string;
  /** where the bundles were written, absolute: the sandbox's codeDir */
  outDir: string;
  /** by module name, every module asked for */
  modules: Record<string, ModuleCompilation>;
  /** every diagnostic of every module, without repeats */
  diagnostics: Diagnostic[];
  /** the submitted .ts files, relative to submissionDir */
  files: string[];
  timings: { totalMs: number; modules: Record<string, number> };
}

// Settings of our own, so that no tsconfig.json around the submission (for
// instance verbatimModuleSyntax) changes how it compiles.
const TSCONFIG = { compilerOptions: {} };

async function exists(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** esbuild settings for the sandbox's bundles: self-contained ESM for Node 20, our own tsconfig, imports confined to the submission. */
function bundleOptions(root: string): esbuild.BuildOptions {
  return {
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: true,
    logLevel: 'silent',
    color: false,
    legalComments: 'none',
    tsconfigRaw: TSCONFIG,
    plugins: [confineImports(root)],
  };
}

/**
 * All the modules in one esbuild build (one request, not one per module);
 * null when any of them is missing or fails, so that each is then compiled
 * on its own and every failure is told against its own module.
 */
async function compileAllAtOnce(root: string, outDir: string, names: readonly string[]): Promise<Record<string, ModuleCompilation> | null> {
  const entries = names.map((name) => path.join(root, `${name}.ts`));
  if (!(await Promise.all(entries.map(exists))).every(Boolean)) return null;
  try {
    await esbuild.build({ ...bundleOptions(root), entryPoints: entries, outdir: outDir, entryNames: '[name]', outExtension: { '.js': '.mjs' } });
  } catch (e) {
    if (Array.isArray((e as Partial<esbuild.BuildFailure>).errors)) return null;
    throw e;
  }
  return Object.fromEntries(names.map((name): [string, ModuleCompilation] => [name, { kind: 'compiled', file: path.join(outDir, `${name}.mjs`) }]));
}

async function compileModule(root: string, outDir: string, name: string): Promise<ModuleCompilation> {
  const entry = path.join(root, `${name}.ts`);
  const shown = `${DISPLAY_DIR}/${name}.ts`;
  const outFile = path.join(outDir, `${name}.mjs`);
  await fs.rm(outFile, { force: true });
  if (!(await exists(entry))) {
    const near = closestName(`${name}.ts`, await fs.readdir(root).catch(() => [] as string[]));
    const message = near
      ? `${shown} is missing; did you mean ${DISPLAY_DIR}/${near}? Rename it to ${name}.ts (file names are case-sensitive)`
      : `${shown} is missing: copy it from the starter and implement it`;
    return { kind: 'missing', diagnostics: [{ file: shown, line: 1, column: 1, message }] };
  }
  try {
    await esbuild.build({ ...bundleOptions(root), entryPoints: [entry], outfile: outFile });
    return { kind: 'compiled', file: outFile };
  } catch (e) {
    const failure = e as Partial<esbuild.BuildFailure>;
    if (!Array.isArray(failure.errors)) throw e;
    const diagnostics = uniqueDiagnostics(failure.errors.map((m) => toDiagnostic(m, root, shown)));
    return { kind: 'failed', diagnostics };
  }
}

/**
 * Bundles `<submissionDir>/<module>.ts` into `<outDir>/<module>.mjs` for each
 * of `moduleNames` (the assignment's modules). Never throws for problems of the submission's code;
 * throws ReluLabError `submission-missing` when submissionDir is not a folder.
 */
export async function compileSubmission(submissionDir: string, outDir: string, moduleNames: readonly string[]): Promise<CompiledSubmission> {
  const started = performance.now();
  let root: string;
  try {
    root = await fs.realpath(submissionDir);
    if (!(await fs.stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (e) {
    throw new ReluLabError(
      'submission-missing',
      `the submission folder ${submissionDir} does not exist or is not a folder: pass the folder that holds your exercise files`,
      { cause: e },
    );
  }
  const out = path.resolve(outDir);
  await fs.mkdir(out, { recursive: true });
  const times: Record<string, number> = {};
  const together = await compileAllAtOnce(root, out, moduleNames);
  if (together) for (const name of moduleNames) times[name] = performance.now() - started;
  const results: (readonly [string, ModuleCompilation])[] = together
    ? moduleNames.map((name) => [name, together[name]] as const)
    : await Promise.all(
        moduleNames.map(async (name) => {
          const t0 = performance.now();
          const result = await compileModule(root, out, name);
          times[name] = performance.now() - t0;
          return [name, result] as const;
        }),
      );
  const modules = Object.fromEntries(results);
  const diagnostics = uniqueDiagnostics(results.flatMap(([, r]) => (r.kind === 'compiled' ? [] : r.diagnostics)));
  const files = await listSubmittedFiles(root);
  return {
    submissionDir: root,
    outDir: out,
    modules,
    diagnostics,
    files,
    timings: { totalMs: performance.now() - started, modules: times },
  };
}
