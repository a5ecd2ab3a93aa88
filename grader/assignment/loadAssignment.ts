// An assignment is named by a path: a folder holding `assignment.ts`, or the
// module itself. Its public face is imported and its shape checked here, so a
// mistake in a new assignment is told once, plainly, before any grading
// starts; its hidden face is imported only by what grades (loadHiddenFace).
//
// Both are TypeScript modules named at run time. Under Vitest or tsx a plain
// import() loads them; the compiled CLI (grader/core/compiledCli.mjs) is plain
// JavaScript with no loader: there the default course's hidden face comes
// compiled with it, and tsx loads any other module for this import only.
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledModule } from '../core/compiledCli.mjs';
import { ReluLabError } from '../core/errors.ts';
import { RUNS_COMPILED } from '../core/runsCompiled.ts';
import type { Assignment, HiddenFace } from './Assignment.ts';

/** The module an assignment folder's public face lives in. */
export const ASSIGNMENT_FILE = 'assignment.ts';

/**
 * Imports the TypeScript module `file`. From source, the process's own loader
 * does. The compiled CLI has none, and Node's own type stripping (22.18 and
 * later) refuses TypeScript it cannot strip, such as parameter properties: there
 * the default course comes compiled with the CLI (a tenth of tsx's time), and
 * tsx loads any other module for this import only.
 */
async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  if (!RUNS_COMPILED) return (await import(url)) as Record<string, unknown>;
  const compiled = (await compiledModule(file)) as Record<string, unknown> | null;
  if (compiled) return compiled;
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/** The assignment at `pathOrDir` (a folder with assignment.ts, or the module), imported and checked. */
export async function loadAssignment(pathOrDir: string): Promise<Assignment> {
  const entry = await assignmentModule(path.resolve(pathOrDir));
  let loaded: Record<string, unknown>;
  try {
    loaded = await importModule(entry);
  } catch (e) {
    throw new ReluLabError(
      'assignment-invalid',
      `${entry} could not be loaded: ${(e as Error).message}. Fix the error in that module (or in what it imports).`,
      {
        cause: e,
      },
    );
  }
  const problems = assignmentProblems(loaded.assignment);
  if (problems.length > 0) {
    throw new ReluLabError(
      'assignment-invalid',
      `${entry} does not export a valid \`assignment\`:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        'Export `const assignment: Assignment` (grader/assignment/Assignment.ts describes each field).',
    );
  }
  return loaded.assignment as Assignment;
}

/** The hidden face `assignment.hiddenEntry` names, imported and checked. */
export async function loadHiddenFace(hiddenEntry: string): Promise<HiddenFace> {
  let loaded: Record<string, unknown>;
  try {
    loaded = await importModule(hiddenEntry);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (e as Error).message.includes(hiddenEntry);
    throw new ReluLabError(
      'assignment-invalid',
      missing
        ? `The assignment's hidden face ${hiddenEntry} does not exist. Set \`hiddenEntry\` in its assignment.ts to the module that exports \`hidden\`.`
        : `The assignment's hidden face ${hiddenEntry} could not be loaded: ${(e as Error).message}. Fix the error in that module (or in what it imports).`,
      { cause: e },
    );
  }
  const problems = hiddenProblems(loaded.hidden);
  if (problems.length > 0) {
    throw new ReluLabError(
      'assignment-invalid',
      `${hiddenEntry} does not export a valid \`hidden\`:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        'Export `const hidden: HiddenFace` whose checks are made with check() (grader/assignment/check.ts).',
    );
  }
  return loaded.hidden as HiddenFace;
}

async function assignmentModule(resolved: string): Promise<string> {
  const stat = await fs.stat(resolved).catch(() => null);
  const entry = stat?.isDirectory() ? path.join(resolved, ASSIGNMENT_FILE) : resolved;
  const found = stat?.isDirectory() ? await fs.stat(entry).catch(() => null) : stat;
  if (!found?.isFile()) {
    throw new ReluLabError(
      'assignment-not-found',
      stat?.isDirectory()
        ? `${resolved} has no ${ASSIGNMENT_FILE}. Pass a folder whose ${ASSIGNMENT_FILE} exports \`assignment\`, or the path of that module.`
        : `No assignment at ${resolved}. Pass a folder holding ${ASSIGNMENT_FILE}, or the path of a module that exports \`assignment\`.`,
    );
  }
  return entry;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isAbsolute = (v: unknown): v is string => isText(v) && path.isAbsolute(v);

/** What is wrong with a would-be public face, one `<field>: <reason>` line each. */
export function assignmentProblems(a: unknown): string[] {
  if (typeof a !== 'object' || a === null) return ['assignment: missing, or not an object'];
  const o = a as Record<string, unknown>;
  const problems: string[] = [];
  if (!isText(o.id) || !/^[a-z][a-z0-9-]*$/.test(o.id)) problems.push('id: must be short, lower-case letters, digits and dashes (like "relu-lab")');
  if (!isText(o.title)) problems.push('title: must be a non-empty string');
  if (!Array.isArray(o.modules) || o.modules.length === 0) {
    problems.push('modules: must list at least one module');
  } else {
    const seen = new Set<string>();
    o.modules.forEach((m: unknown, i) => {
      const mod = (typeof m === 'object' && m !== null ? m : {}) as Record<string, unknown>;
      if (!isText(mod.name) || !/^[a-z][a-z0-9-]*$/.test(mod.name))
        problems.push(`modules/${i}/name: must be a file name without .ts, lower-case (like "forward")`);
      else if (seen.has(mod.name)) problems.push(`modules/${i}/name: "${mod.name}" is listed twice`);
      else seen.add(mod.name);
      if (!isText(mod.title)) problems.push(`modules/${i}/title: must be a non-empty string`);
      if (!Array.isArray(mod.exports)) problems.push(`modules/${i}/exports: must be a list of the module's exports`);
    });
  }
  for (const field of ['manifestPath', 'solutionsDir', 'exercisesDir', 'hiddenEntry'] as const) {
    if (!isAbsolute(o[field])) problems.push(`${field}: must be an absolute path (build it from import.meta.url)`);
  }
  for (const field of ['fixturesDir', 'guidePath'] as const) {
    if (o[field] !== undefined && !isAbsolute(o[field])) problems.push(`${field}: when given, must be an absolute path`);
  }
  return problems;
}

/** What is wrong with a would-be hidden face. */
export function hiddenProblems(h: unknown): string[] {
  if (typeof h !== 'object' || h === null) return ['hidden: missing, or not an object'];
  const o = h as Record<string, unknown>;
  const problems: string[] = [];
  if (!Array.isArray(o.checks) || o.checks.length === 0) {
    problems.push('checks: must list at least one check');
  } else {
    const seen = new Set<string>();
    o.checks.forEach((c: unknown, i) => {
      const check = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
      const id = isText(check.id) ? check.id : `checks/${i}`;
      if (!isText(check.id)) problems.push(`checks/${i}/id: must be a non-empty string`);
      else if (seen.has(check.id)) problems.push(`checks/${i}/id: "${check.id}" is declared twice`);
      else seen.add(check.id);
      if (!isText(check.task)) problems.push(`${id}: task must name a manifest task`);
      if (typeof check.weight !== 'number' || !Number.isFinite(check.weight) || check.weight <= 0) problems.push(`${id}: weight must be a positive number`);
      if (typeof check.run !== 'function') problems.push(`${id}: has no body (declare it with check(declaration, run))`);
    });
  }
  if (o.plots !== undefined && typeof o.plots !== 'function') problems.push('plots: when given, must be a function');
  return problems;
}
