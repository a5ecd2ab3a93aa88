// relu-lab bulk: grade a whole class folder with worker processes, writing
// each student's results and reports, the gradebook, a class summary and
// the platform exports. Exit 0 when the run completed (whatever the scores
// and grading errors), 1 when it was interrupted or could not go on.
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReluLabError } from '../../core/errors.ts';
import { sanitiseText } from '../../core/sanitiseText.ts';
import { FORMATS, parseFormats } from '../../bulk/formats.ts';
import { runBulk } from '../../bulk/runBulk.ts';
import { parseShard } from '../../bulk/shard.ts';
import { assignmentFlags, numberFlag, parse } from '../parse.ts';
import type { Command } from './Command.ts';

export const bulk: Command = {
  summary: 'grade a class folder (folders, git repositories, zips) in parallel into a gradebook and class summary',
  usage:
    'usage: relu-lab bulk SUBMISSIONS --out DIR [--workers N] [--resume] [--shard i/n] ' +
    `[--format ${FORMATS.join('|')}]... [--deadline ISO] [--at-deadline] [--batch N] [--assignment DIR] [--manifest FILE] [--quiet]`,
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        out: { type: 'string' },
        workers: { type: 'string' },
        // the flag's earlier name, as in make -j; kept so existing scripts go on working
        jobs: { type: 'string' },
        resume: { type: 'boolean' },
        shard: { type: 'string' },
        format: { type: 'string', multiple: true },
        deadline: { type: 'string' },
        'at-deadline': { type: 'boolean' },
        batch: { type: 'string' },
        assignment: { type: 'string' },
        manifest: { type: 'string' },
        quiet: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length !== 1) throw new ReluLabError('usage', `give exactly one SUBMISSIONS folder, got ${positionals.length}`);
    if (!values.out) throw new ReluLabError('usage', '--out DIR is required');
    if (values.workers !== undefined && values.jobs !== undefined) throw new ReluLabError('usage', '--workers and --jobs are the same setting: give one');
    const workers =
      (values.jobs !== undefined ? numberFlag('jobs', values.jobs, 1, 256) : numberFlag('workers', values.workers, 1, 256)) ?? os.availableParallelism();
    const batch = numberFlag('batch', values.batch, 1, 8);
    if (!Number.isInteger(workers) || (batch !== undefined && !Number.isInteger(batch)))
      throw new ReluLabError('usage', '--workers and --batch need whole numbers');
    const submissionsDir = path.resolve(io.cwd, positionals[0]);
    await requireSubmissions(submissionsDir, positionals[0]);
    const { assignmentPath, manifest } = await assignmentFlags(values, io.cwd);
    const deadlineText = values.deadline ?? manifest.deadline;
    const deadline = deadlineText ? new Date(deadlineText) : null;
    if (deadline && Number.isNaN(deadline.getTime()))
      throw new ReluLabError('usage', `--deadline needs an ISO 8601 date-time such as 2026-03-01T23:59:00Z, got "${deadlineText}"`);

    const controller = new AbortController();
    const abort = () => controller.abort();
    process.once('SIGINT', abort);
    process.once('SIGTERM', abort);
    const tty = Boolean(process.stderr.isTTY) && !io.env.CI;
    try {
      const result = await runBulk({
        submissionsDir,
        outDir: path.resolve(io.cwd, values.out),
        manifest,
        assignmentPath,
        workers,
        resume: values.resume ?? false,
        shard: values.shard ? parseShard(values.shard) : null,
        formats: parseFormats(values.format),
        deadline,
        atDeadline: values['at-deadline'] ?? false,
        progress: values.quiet ? null : { mode: tty ? 'bar' : 'lines', write: (s) => io.err(s), width: process.stderr.columns },
        signal: controller.signal,
        maxBatch: batch,
      });
      const shown = (p: string) => (path.relative(io.cwd, p).startsWith('..') ? p : path.relative(io.cwd, p) || p);
      io.out(
        `${result.students} students: ${result.graded} graded, ${result.errors} grading errors, ${result.notGraded} not graded, ${result.skipped} skipped (already graded) in ${result.seconds} s\n` +
          `gradebook: ${shown(result.gradebookPath)}\nsummary: ${shown(result.summaryPath)}\n`,
      );
      // entry names come from the submissions folder: shown sanitised, one line each
      for (const c of result.collisions) {
        const names = c.entries.map((name) => `"${sanitiseText(name, { singleLine: true })}"`).join(', ');
        io.out(
          `id collision: ${names} all map to the student id "${c.id}"; none was graded. Rename all but one, then run again (--resume keeps the others).\n`,
        );
      }
      return 0;
    } finally {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    }
  },
};

async function requireSubmissions(dir: string, given: string): Promise<void> {
  if (await stat(dir).catch(() => null)) return;
  const sample = dir.split(path.sep).slice(-2).join('/') === 'examples/class';
  throw new ReluLabError(
    'submission-missing',
    sample
      ? `${given} does not exist yet: the sample class is built by \`npm run example:class\` (its git repositories cannot be committed inside this one). Run that first.`
      : `No submissions folder at ${given}. Pass a folder with one entry per student: a folder, a git repository or a .zip.`,
  );
}
