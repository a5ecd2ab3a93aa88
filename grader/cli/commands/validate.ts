// relu-lab validate: grade the reference, the stubs and the fixture corpus
// and check each gets the grade its name states. Exit 1 on any surprise.
import { assignment } from '../../course/assignment.ts';
import { loadManifest } from '../../manifest/loadManifest.ts';
import type { ValidationRow } from '../../validate/validateCorpus.ts';
import { parse } from '../parse.ts';
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
  usage: 'usage: relu-lab validate [--manifest FILE]',
  async run(args, io) {
    const { values } = parse(args, { manifest: { type: 'string' } });
    const manifest = await loadManifest(values.manifest);
    // loaded here, not at the top: it brings Vitest, which other commands do without
    const [{ validateCorpus }, { vacuityFixtures }] = await Promise.all([import('../../validate/validateCorpus.ts'), import('../../validate/fixtureCorpus.ts')]);
    const report = await validateCorpus(manifest, assignment, {
      // the ReLU course's vacuity corpus, written from its table: code that does no work must earn (next to) nothing
      more: vacuityFixtures(assignment),
      onRow(row) {
        const mark = row.verdict.ok ? 'ok  ' : 'FAIL';
        io.out(`${mark} ${row.name.padEnd(48)} ${describe(row).padEnd(28)} ${row.verdict.detail} (${row.ms} ms)\n`);
      },
    });
    io.out(`\n${report.rows.length - report.failed} of ${report.rows.length} submissions graded as expected in ${(report.totalMs / 1000).toFixed(1)} s\n`);
    return report.failed === 0 ? 0 : 1;
  },
};
