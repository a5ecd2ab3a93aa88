// Where in a student's folder the assignment's module files are: an
// `exercises/` folder, or the files directly. Archives and repositories often
// wrap everything in one more folder (`alice-main/exercises/...`): a folder
// whose only content is one folder is looked into, a few levels deep.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const MAX_DEPTH = 3;

export type Located = { kind: 'found'; dir: string } | { kind: 'not-found'; reason: string };

/** The folder under `root` holding any of the files of `moduleNames` (the assignment's modules). */
export async function locateExercises(root: string, moduleNames: readonly string[], depth = 0): Promise<Located> {
  const moduleFiles = new Set(moduleNames.map((m) => `${m}.ts`));
  const entries = await readdir(root, { withFileTypes: true }).catch(() => null);
  if (!entries) return { kind: 'not-found', reason: 'the folder cannot be read' };
  const visible = entries.filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX' && e.name !== 'node_modules');
  const exercises = visible.find((e) => e.isDirectory() && e.name === 'exercises');
  if (exercises && (await hasModuleFile(path.join(root, exercises.name), moduleFiles))) return { kind: 'found', dir: path.join(root, exercises.name) };
  if (visible.some((e) => e.isFile() && moduleFiles.has(e.name))) return { kind: 'found', dir: root };
  const folders = visible.filter((e) => e.isDirectory());
  if (folders.length === 1 && depth < MAX_DEPTH) return locateExercises(path.join(root, folders[0].name), moduleNames, depth + 1);
  if (visible.length === 0) return { kind: 'not-found', reason: 'it is empty' };
  return { kind: 'not-found', reason: `it has no exercises/ folder and none of the assignment's files (${[...moduleFiles].join(', ')})` };
}

async function hasModuleFile(dir: string, moduleFiles: ReadonlySet<string>): Promise<boolean> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.some((n) => moduleFiles.has(n));
}
