// relu-lab merge: combine the --out folders of sharded bulk runs into one
// gradebook, class summary and set of exports.
import path from 'node:path';
import { canvasAssignment, canvasNote } from '../../bulk/canvasAssignmentId.ts';
import { FORMATS, parseFormats } from '../../bulk/formats.ts';
import { mergeOutputs } from '../../bulk/mergeOutputs.ts';
import { ReluLabError } from '../../core/errors.ts';
import { loadManifest } from '../../manifest/loadManifest.ts';
import { parse } from '../parse.ts';
import type { Command } from './Command.ts';

export const merge: Command = {
  summary: 'combine the outputs of sharded bulk runs into one gradebook and class summary',
  usage: `usage: relu-lab merge DIR... --out DIR [--format ${FORMATS.join('|')}]... [--canvas-assignment ID] [--manifest FILE]`,
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { out: { type: 'string' }, format: { type: 'string', multiple: true }, manifest: { type: 'string' }, 'canvas-assignment': { type: 'string' } },
      true,
    );
    if (positionals.length === 0) throw new ReluLabError('usage', 'give the output folders of the bulk runs to merge');
    if (!values.out) throw new ReluLabError('usage', '--out DIR is required');
    const canvasAssignmentId = canvasAssignment(values['canvas-assignment']);
    const formats = parseFormats(values.format);
    const manifest = await loadManifest(values.manifest ? path.resolve(io.cwd, values.manifest) : undefined);
    const result = await mergeOutputs(
      positionals.map((p) => path.resolve(io.cwd, p)),
      path.resolve(io.cwd, values.out),
      manifest,
      formats,
      { canvasAssignmentId },
    );
    for (const c of result.conflicts) io.err(`${c.id} is in more than one input; kept the later grading from ${path.relative(io.cwd, c.kept) || c.kept}\n`);
    const shown = (p: string) => (path.relative(io.cwd, p).startsWith('..') ? p : path.relative(io.cwd, p) || p);
    io.out(`${result.students} students merged\ngradebook: ${shown(result.gradebookPath)}\nsummary: ${shown(result.summaryPath)}\n`);
    if (formats.includes('canvas')) io.out(`${canvasNote(manifest.title, canvasAssignmentId)}\n`);
    return 0;
  },
};
