// relu-lab bulk: grade a whole class folder with worker processes, writing
// each student's results and reports, the gradebook, a class summary and
// the platform exports. Exit 0 when the run completed (whatever the scores
// and grading errors), 1 when it was interrupted or could not go on.
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReluLabError } from '../../core/errors.ts';
import { sanitiseText } from '../../core/sanitiseText.ts';
import { INTAKE_SOURCES } from '../../bulk/discoverClass.ts';
import { FORMATS, parseFormats } from '../../bulk/formats.ts';
import { type IntakeSource, LATE_CHOICES, type LateChoice } from '../../bulk/types.ts';
import { readRoster, type RosterRow } from '../../intake/platform/readRoster.ts';
import { canvasAssignment, canvasNote } from '../../bulk/canvasAssignmentId.ts';
import { runBulk } from '../../bulk/runBulk.ts';
import { parseShard } from '../../bulk/shard.ts';
import { assignmentFlags, numberFlag, parse } from '../parse.ts';
import type { Command } from './Command.ts';

export const bulk: Command = {
  summary: 'grade a class folder (folders, git repositories, zips, Canvas or Gradescope downloads) in parallel into a gradebook and class summary',
  usage:
    'usage: relu-lab bulk SUBMISSIONS --out DIR [--from canvas|gradescope|classroom|folders] [--roster FILE] [--workers N] [--resume] [--shard i/n] ' +
    `[--format ${FORMATS.join('|')}]... [--canvas-assignment ID] [--deadline ISO] [--late best|last|on-time] [--at-deadline] [--batch N] [--assignment DIR] [--manifest FILE] [--quiet]`,
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
        late: { type: 'string' },
        batch: { type: 'string' },
        assignment: { type: 'string' },
        manifest: { type: 'string' },
        quiet: { type: 'boolean' },
        from: { type: 'string' },
        roster: { type: 'string' },
        'canvas-assignment': { type: 'string' },
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
    const from = intakeSource(values.from);
    const late = lateChoice(values.late, values['at-deadline'] ?? false);
    const canvasAssignmentId = canvasAssignment(values['canvas-assignment']);
    const roster = values.roster === undefined ? null : await loadRoster(path.resolve(io.cwd, values.roster), values.roster);
    const submissionsDir = path.resolve(io.cwd, positionals[0]);
    await requireSubmissions(submissionsDir, positionals[0]);
    const { assignmentPath, manifest } = await assignmentFlags(values, io.cwd);
    const deadlineText = values.deadline ?? manifest.deadline;
    const deadline = deadlineText ? new Date(deadlineText) : null;
    if (deadline && Number.isNaN(deadline.getTime()))
      throw new ReluLabError('usage', `--deadline needs an ISO 8601 date-time such as 2026-03-01T23:59:00Z, got "${deadlineText}"`);
    if (late !== 'last' && !deadline)
      throw new ReluLabError(
        'usage',
        `${values.late === undefined ? '--at-deadline' : `--late ${late}`} needs a deadline: set one in the manifest or pass --deadline ISO`,
      );

    const controller = new AbortController();
    const abort = () => controller.abort();
    process.once('SIGINT', abort);
    process.once('SIGTERM', abort);
    const tty = Boolean(process.stderr.isTTY) && !io.env.CI;
    try {
      const result = await runBulk({
        submissionsDir,
        from,
        roster,
        canvasAssignmentId,
        outDir: path.resolve(io.cwd, values.out),
        manifest,
        assignmentPath,
        workers,
        resume: values.resume ?? false,
        shard: values.shard ? parseShard(values.shard) : null,
        formats: parseFormats(values.format),
        deadline,
        late,
        progress: values.quiet ? null : { mode: tty ? 'bar' : 'lines', write: (s) => io.err(s), width: process.stderr.columns },
        signal: controller.signal,
        maxBatch: batch,
      });
      const shown = (p: string) => (path.relative(io.cwd, p).startsWith('..') ? p : path.relative(io.cwd, p) || p);
      const clean = (text: string) => sanitiseText(text, { singleLine: true });
      io.out(
        `read as: ${result.source === 'folders' ? 'one folder, repository or zip per student' : `${SOURCE_NAMES[result.source]}'s download`}\n` +
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
      if (result.groupMembers > 0 || result.missing.length > 0)
        io.out(
          `gradebook rows: ${result.rows} (${result.groupMembers} group member${result.groupMembers === 1 ? '' : 's'} given their group's grade, ${result.missing.length} missing)\n`,
        );
      for (const problem of result.problems) io.err(`note: ${clean(problem)}\n`);
      if (roster) {
        io.out(`roster: ${roster.length} students, ${result.unmatched.length} entries not on it, ${result.missing.length} missing\n`);
        for (const u of result.unmatched) {
          const line = `not on the roster: "${clean(u.entry)}" (${clean(u.lookedUpBy)}), graded as "${u.id}"`;
          io.out(`${line}\n`);
          io.err(`${line}; add a row for them to the roster and run again with --resume\n`);
        }
        for (const id of result.missing) io.out(`missing: "${id}" is on the roster but handed nothing in (scored 0)\n`);
      }
      if (parseFormats(values.format).includes('canvas')) io.out(`${canvasNote(manifest.title, canvasAssignmentId)}\n`);
      return 0;
    } finally {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    }
  },
};

const SOURCE_NAMES: Record<IntakeSource, string> = { canvas: 'Canvas', gradescope: 'Gradescope', classroom: 'GitHub Classroom', folders: 'folders' };

function intakeSource(value: string | undefined): IntakeSource | null {
  if (value === undefined) return null;
  if ((INTAKE_SOURCES as readonly string[]).includes(value)) return value as IntakeSource;
  throw new ReluLabError('usage', `--from takes one of ${INTAKE_SOURCES.join(', ')}, got "${sanitiseText(value, { singleLine: true })}"`);
}

/** --late, or its older spelling --at-deadline (on-time); `last` when neither is given. */
function lateChoice(value: string | undefined, atDeadline: boolean): LateChoice {
  if (value === undefined) return atDeadline ? 'on-time' : 'last';
  if (!(LATE_CHOICES as readonly string[]).includes(value))
    throw new ReluLabError(
      'usage',
      `--late takes best (the better of the last commit at the deadline and the last commit, after the late policy), last (the work tree) or on-time (the last commit at or before the deadline), got "${sanitiseText(value, { singleLine: true })}"`,
    );
  if (atDeadline && value !== 'on-time') throw new ReluLabError('usage', `--at-deadline is --late on-time: give one of --at-deadline and --late ${value}`);
  return value as LateChoice;
}

async function loadRoster(file: string, given: string): Promise<RosterRow[]> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null)
    throw new ReluLabError('usage', `--roster: cannot read ${given}. Pass a CSV file with the columns id,name,email,canvas_id,github_login,gradescope_sid.`);
  return readRoster(text, given);
}

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
