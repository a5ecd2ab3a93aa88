// relu-lab pack-hidden: an assignment's hidden face, the reference it imports
// and the engine, bundled for a private place (see docs/ci.md).
import path from 'node:path';
import { packHidden } from '../../hiddenBundle/packHidden.ts';
import { ReluLabError } from '../../core/errors.ts';
import { parse } from '../parse.ts';
import type { Command } from './Command.ts';

export const packHiddenCommand: Command = {
  summary: 'bundle the hidden tests (with the reference) into a folder or .tgz to keep private, for relu-lab ci --hidden',
  usage: 'usage: relu-lab pack-hidden OUT (a new folder, or a file ending in .tgz) [--assignment DIR] [--manifest FILE]',
  async run(args, io) {
    const { values, positionals } = parse(args, { assignment: { type: 'string' }, manifest: { type: 'string' } }, true);
    if (positionals.length !== 1) throw new ReluLabError('usage', 'give exactly one folder or .tgz file to write');
    const out = path.resolve(io.cwd, positionals[0]);
    const packed = await packHidden(out, {
      assignmentPath: values.assignment === undefined ? undefined : path.resolve(io.cwd, values.assignment),
      manifestPath: values.manifest === undefined ? undefined : path.resolve(io.cwd, values.manifest),
    });
    const { info } = packed;
    io.out(`hidden bundle ${info.hash.slice(0, 12)} (${packed.kind}) in ${path.relative(io.cwd, out) || out}\n`);
    io.out(`  relu-lab ${info.graderVersion}, ${info.checks} checks, ${info.points} points, ${info.files.length} files\n`);
    io.out('  It contains the reference solution: keep it private (a private repository, or a private artifact of your grading run).\n');
    io.out(`  Grade with it: relu-lab ci --hidden ${positionals[0]}\n`);
    return 0;
  },
};
