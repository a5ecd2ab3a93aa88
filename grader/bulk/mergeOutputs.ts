// relu-lab merge, as a function: the student folders of several bulk
// outputs (shards) copied into one, then the gradebook, summary and exports
// rebuilt there, with the student guide their reports link to. A student
// found in two inputs keeps the later grading.
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ReluLabError } from '../core/errors.ts';
import type { Manifest } from '../manifest/types.ts';
import { finalise, type FinaliseOptions } from './finalise.ts';
import { copyGuide } from './guide/writeGuide.ts';
import type { ExportFormat } from './formats.ts';
import { listStudents, readRecord, studentDir } from './store/studentStore.ts';

export interface MergeSummary {
  students: number;
  /** ids found in more than one input, with the input kept */
  conflicts: { id: string; kept: string }[];
  gradebookPath: string;
  summaryPath: string;
}

export async function mergeOutputs(
  inputs: readonly string[],
  outDir: string,
  manifest: Manifest,
  formats: readonly ExportFormat[],
  options: FinaliseOptions = {},
): Promise<MergeSummary> {
  const out = path.resolve(outDir);
  const chosen = new Map<string, { dir: string; finishedAt: string }>();
  const conflicts: MergeSummary['conflicts'] = [];
  for (const input of inputs) {
    const dir = path.resolve(input);
    const ids = await listStudents(dir);
    if (ids.length === 0)
      throw new ReluLabError('submission-missing', `${input} holds no graded students (no <id>/student.json); pass the --out folders of bulk runs`);
    for (const id of ids) {
      const record = await readRecord(dir, id);
      if (!record) continue;
      const previous = chosen.get(id);
      if (previous) {
        const later = record.finishedAt > previous.finishedAt ? dir : previous.dir;
        conflicts.push({ id, kept: later });
        if (later === previous.dir) continue;
      }
      chosen.set(id, { dir, finishedAt: record.finishedAt });
    }
  }
  await mkdir(out, { recursive: true });
  for (const [id, { dir }] of chosen) {
    if (dir === out) continue;
    const target = studentDir(out, id);
    await rm(target, { recursive: true, force: true });
    await cp(studentDir(dir, id), target, { recursive: true });
  }
  // the student guide the reports link to (`guide/`), after the students: one of them may be called `guide`
  await copyGuide(inputs, out);
  const finalised = await finalise(out, manifest, formats, new Date(), options);
  return { students: finalised.rows.length, conflicts, gradebookPath: finalised.gradebookPath, summaryPath: finalised.summaryPath };
}
