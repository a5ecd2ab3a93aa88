// What a visible run knows of the graded checks without their bodies: for
// each check of the assignment's hidden face, its task, who may see its
// result and its points, and nothing else (no id, name, hint or code). The
// starter carries it (written at export-student from the catalog the engine
// grades with), so the self-check and CI feedback can say how much of the
// grade the visible tests stand for and how much comes after the deadline,
// instead of a bare "100 / 100".
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import type { CatalogEntry } from '../engine/catalog.ts';
import type { Manifest } from '../manifest/types.ts';
import type { Visibility } from '../results/types.ts';

/** Where the student edition keeps it, relative to its package root (`.relu-lab/`). */
export const GRADED_CATALOG_FILE = 'grader/catalog.json';

export interface GradedCheck {
  task: string;
  visibility: Visibility;
  points: number;
}

export interface GradedCatalog {
  format: 1;
  checks: GradedCheck[];
}

const VISIBILITIES: readonly Visibility[] = ['visible', 'hidden', 'after_due_date', 'after_published'];

/** The catalog's counts, from the engine's catalog and the manifest graded with (its default visibility). */
export function gradedCatalogOf(catalog: readonly CatalogEntry[], manifest: Pick<Manifest, 'defaultVisibility'>): GradedCatalog {
  return { format: 1, checks: catalog.map((c) => ({ task: c.task, visibility: c.visibility ?? manifest.defaultVisibility, points: c.points })) };
}

/** Why `data` is not a graded catalog, or null when it is one. */
function problemOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return 'it is not a JSON object';
  const { format, checks } = data as Record<string, unknown>;
  if (format !== 1) return `its format is ${JSON.stringify(format)}, not 1`;
  if (!Array.isArray(checks)) return 'it has no list of checks';
  const bad = checks.findIndex((c: unknown) => {
    if (typeof c !== 'object' || c === null) return true;
    const { task, visibility, points } = c as Record<string, unknown>;
    return typeof task !== 'string' || !VISIBILITIES.includes(visibility as Visibility) || typeof points !== 'number' || !(points >= 0);
  });
  return bad >= 0 ? `checks[${bad}] is not { task, visibility, points }` : null;
}

/** The catalog the student edition carries, or null when there is none (relu-lab itself, or a starter exported before it had one). */
export async function readGradedCatalog(file = path.join(PACKAGE_ROOT, GRADED_CATALOG_FILE)): Promise<GradedCatalog | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const problem = problemOf(data);
  if (problem !== null) {
    throw new ReluLabError(
      'assignment-invalid',
      `${file} is not a catalog of the graded checks (${problem}). Restore it from the starter, or ask your instructor for a new export (relu-lab export-student).`,
    );
  }
  return data as GradedCatalog;
}
