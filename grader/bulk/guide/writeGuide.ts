// The student guide, copied once into a bulk output folder: every student's
// report links its hints there (`<out>/<id>/report.html` -> `../guide/README.md`),
// since the project the guide lives in is not beside the output folder.
// `guide/` holds no student.json, so it is never read as a student; an
// entry whose id is `guide` shares the folder without sharing a file name.
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const GUIDE_DIR = 'guide';

/** Copies `guidePath` into `<outDir>/guide/`; the link to it from a student's folder, or null when there is no guide. */
export async function writeGuide(outDir: string, guidePath: string | undefined): Promise<string | null> {
  if (!guidePath || !(await stat(guidePath).catch(() => null))?.isFile()) return null;
  const name = path.basename(guidePath);
  const dir = path.join(outDir, GUIDE_DIR);
  await mkdir(dir, { recursive: true });
  await copyFile(guidePath, path.join(dir, name));
  return guideHref(name);
}

/** From `<out>/<id>/` to the guide named `name` in `<out>/guide/`. */
export function guideHref(name: string): string {
  return `../${GUIDE_DIR}/${name}`;
}

/** Copies the guide of the first input that has one into `outDir` (merge). */
export async function copyGuide(inputs: readonly string[], outDir: string): Promise<void> {
  for (const input of inputs) {
    const dir = path.join(input, GUIDE_DIR);
    const names = await readdir(dir).catch(() => [] as string[]);
    // a student whose id is `guide` has a report.md there too
    const files = names.filter((n) => n.endsWith('.md') && n !== 'report.md');
    if (files.length === 0) continue;
    if (path.resolve(dir) === path.resolve(outDir, GUIDE_DIR)) return;
    await mkdir(path.join(outDir, GUIDE_DIR), { recursive: true });
    for (const name of files) await copyFile(path.join(dir, name), path.join(outDir, GUIDE_DIR, name));
    return;
  }
}
