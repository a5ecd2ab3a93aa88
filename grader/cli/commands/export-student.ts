// relu-lab export-student: build the starter repository students receive
// (stubs, visible tests, guide, package.json, CI files, the student edition).
import path from 'node:path';
import { exportStudent } from '../../student/exportStudent.ts';
import { ReluLabError } from '../../core/errors.ts';
import { assignment } from '../../course/assignment.ts';
import { parse } from '../parse.ts';
import type { Command } from './Command.ts';

export const exportStudentCommand: Command = {
  summary: 'build the starter repository for students: stubs, visible tests, guide, CI feedback files, no reference',
  usage: 'usage: relu-lab export-student OUT_DIR [--manifest FILE]',
  async run(args, io) {
    const { values, positionals } = parse(args, { manifest: { type: 'string' } }, true);
    if (positionals.length !== 1) throw new ReluLabError('usage', 'give exactly one folder to export into');
    const out = path.resolve(io.cwd, positionals[0]);
    // the student edition's commands are built with the ReLU course's public face
    const starter = await exportStudent(out, assignment, { manifestPath: values.manifest === undefined ? undefined : path.resolve(io.cwd, values.manifest) });
    const shown = path.relative(io.cwd, starter.dir) || '.';
    io.out(`starter repository in ${shown}: ${starter.files.length} files\n`);
    for (const file of starter.files.filter((f) => !f.startsWith('.relu-lab/'))) io.out(`  ${file}\n`);
    io.out(`  .relu-lab/  the student edition of relu-lab (${starter.cli.copied.length + 2} files)\n`);
    io.out(`\nnext: cd ${shown} && git init && git add -A && git commit -m "Starter" && npm install && npm test\n`);
    return 0;
  },
};
