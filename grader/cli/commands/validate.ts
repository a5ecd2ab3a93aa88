// relu-lab validate: grade the reference, the stubs and the fixture corpus
// of an assignment (the ReLU course unless --assignment names another) and
// check each gets the grade its name states. Exit 1 on any surprise.
import { generatedFixture } from '../../corpus/fixtureCorpus.ts';
import { assignment as course } from '../../course/assignment.ts';
import { vacuityCorpus } from '../../course/vacuityCorpus.ts';
import type { ValidationRow } from '../../validate/validateCorpus.ts';
import { ReluLabError } from '../../core/errors.ts';
import { assignmentFlags, numberFlag, parse } from '../parse.ts';
import type { Command } from './Command.ts';

const describe = (row: ValidationRow): string => {
  switch (row.expect.kind) {
    case 'loses':
      return `loses ${row.expect.task}`;
    case 'misbehaves':
      return `${row.expect.status} in ${row.expect.task}`;
    case 'at-most':
      return `at most ${row.expect.percent} %`;
    default:
      return row.expect.kind;
  }
};

export const validate: Command = {
  summary:
    'check that the reference scores 100 %, the stubs 0, code that does no work next to nothing, and every fixture what its name says (under N seeds with --seeds N)',
  usage: 'usage: relu-lab validate [--assignment DIR] [--manifest FILE] [--seeds N]',
  async run(args, io) {
    const { values } = parse(args, { assignment: { type: 'string' }, manifest: { type: 'string' }, seeds: { type: 'string' } });
    const seeds = numberFlag('seeds', values.seeds, 1, 100);
    if (seeds !== undefined && !Number.isInteger(seeds)) throw new ReluLabError('usage', `--seeds needs a whole number of seeds, got "${values.seeds}"`);
    const { assignment, manifest } = await assignmentFlags(values, io.cwd);
    // the course is known by its hidden face's path, which is the same whichever copy of its public face was loaded
    const isCourse = assignment.hiddenEntry === course.hiddenEntry;
    // the ReLU course's vacuity corpus, written from its table: code that does no work must earn (next to) nothing
    const more = isCourse ? vacuityCorpus().map((made) => generatedFixture(assignment, made)) : [];
    const line = (row: ValidationRow) =>
      `${row.verdict.ok ? 'ok  ' : 'FAIL'} ${row.name.padEnd(48)} ${describe(row).padEnd(28)} ${row.verdict.detail} (${row.ms} ms)`;

    if (seeds === undefined) {
      // loaded here, not at the top: it brings Vitest, which other commands do without
      const { validateCorpus } = await import('../../validate/validateCorpus.ts');
      const report = await validateCorpus(manifest, assignment, { more, onRow: (row) => io.out(`${line(row)}\n`) });
      io.out(`\n${report.rows.length - report.failed} of ${report.rows.length} submissions graded as expected in ${(report.totalMs / 1000).toFixed(1)} s\n`);
      return report.failed === 0 ? 0 : 1;
    }

    const { validateUnderSeeds } = await import('../../validate/validateUnderSeeds.ts');
    // under many seeds only the surprises are listed, each with its seed
    const runs = await validateUnderSeeds(manifest, assignment, {
      seeds,
      more,
      onRow: (seed, row) => void (row.verdict.ok ? undefined : io.out(`seed ${seed}: ${line(row)}\n`)),
      onSeed: ({ seed, numRuns, report }) =>
        io.out(
          `seed ${seed}, ${numRuns} runs: ${report.rows.length - report.failed} of ${report.rows.length} graded as expected in ${(report.totalMs / 1000).toFixed(1)} s\n`,
        ),
    });
    const failed = runs.reduce((n, r) => n + r.report.failed, 0);
    const total = runs.reduce((n, r) => n + r.report.rows.length, 0);
    io.out(`\nunder ${runs.length} seeds: ${total - failed} of ${total} gradings as expected\n`);
    return failed === 0 ? 0 : 1;
  },
};
