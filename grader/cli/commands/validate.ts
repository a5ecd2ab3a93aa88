// relu-lab validate: grade the reference, the stubs and the fixture corpus
// of an assignment (the ReLU course unless --assignment names another) and
// check each gets the grade its name states. Exit 1 on any surprise.
import { generatedFixture } from '../../corpus/fixtureCorpus.ts';
import { assignment as course } from '../../course/assignment.ts';
import { vacuityCorpus } from '../../course/vacuityCorpus.ts';
import type { ValidationRow } from '../../validate/validateCorpus.ts';
import { assignmentFlags, parse } from '../parse.ts';
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
  summary: 'check that the reference scores 100 %, the stubs 0, code that does no work next to nothing, and every fixture what its name says',
  usage: 'usage: relu-lab validate [--assignment DIR] [--manifest FILE]',
  async run(args, io) {
    const { values } = parse(args, { assignment: { type: 'string' }, manifest: { type: 'string' } });
    const { assignment, manifest } = await assignmentFlags(values, io.cwd);
    // loaded here, not at the top: it brings Vitest, which other commands do without
    const { validateCorpus } = await import('../../validate/validateCorpus.ts');
    // the course is known by its hidden face's path, which is the same whichever copy of its public face was loaded
    const isCourse = assignment.hiddenEntry === course.hiddenEntry;
    const report = await validateCorpus(manifest, assignment, {
      // the ReLU course's vacuity corpus, written from its table: code that does no work must earn (next to) nothing
      more: isCourse ? vacuityCorpus().map((made) => generatedFixture(assignment, made)) : [],
      onRow(row) {
        const mark = row.verdict.ok ? 'ok  ' : 'FAIL';
        io.out(`${mark} ${row.name.padEnd(48)} ${describe(row).padEnd(28)} ${row.verdict.detail} (${row.ms} ms)\n`);
      },
    });
    io.out(`\n${report.rows.length - report.failed} of ${report.rows.length} submissions graded as expected in ${(report.totalMs / 1000).toFixed(1)} s\n`);
    return report.failed === 0 ? 0 : 1;
  },
};
