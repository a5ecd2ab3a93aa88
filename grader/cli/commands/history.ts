// relu-lab history: the score of each of the last N commits, each graded in
// a temporary folder its files are written to (or read from
// reports/history/cache), as a table and a sparkline in
// reports/history/history.{html,md}.
import fs from 'node:fs/promises';
import path from 'node:path';
import { historyChart, historyHtml, historyMarkdown, historyTerminal } from '../../ci/history/renderHistory.ts';
import { runHistory } from '../../ci/history/runHistory.ts';
import { DEFAULTS } from '../../core/defaults.ts';
import { ReluLabError } from '../../core/errors.ts';
import { findWorkTree } from '../../intake/findWorkTree.ts';
import { numberFlag, parse } from '../parse.ts';
import type { Command } from './Command.ts';

export const history: Command = {
  summary: 'score of each of the last N commits (graded in temporary folders, cached), with a sparkline',
  usage: 'usage: relu-lab history [-n N] [--hidden PATH] [--out DIR] [--submission DIR] [--manifest FILE]',
  async run(args, io) {
    const { values } = parse(args, {
      n: { type: 'string', short: 'n' },
      hidden: { type: 'string' },
      out: { type: 'string' },
      submission: { type: 'string' },
      manifest: { type: 'string' },
    });
    const count = numberFlag('n', values.n, 1, 200) ?? 10;
    if (!Number.isInteger(count)) throw new ReluLabError('usage', `-n needs a whole number, got ${values.n}`);
    const root = await findWorkTree(io.cwd);
    if (!root) throw new ReluLabError('usage', `${io.cwd} is not inside a git repository: run history in your repository`);
    const outDir = path.resolve(io.cwd, values.out ?? path.join(root, DEFAULTS.reportsDir, 'history'));
    const result = await runHistory(
      {
        root,
        count,
        hidden: values.hidden === undefined ? undefined : path.resolve(io.cwd, values.hidden),
        manifestPath: values.manifest === undefined ? undefined : path.resolve(io.cwd, values.manifest),
        submission: values.submission,
      },
      (row) => io.err(`graded ${row.commit.commit.slice(0, 7)}${row.cached ? ' (cached)' : ''}\n`),
    );
    await fs.mkdir(outDir, { recursive: true });
    await fs.writeFile(path.join(outDir, 'sparkline.svg'), `${historyChart(result).markup}\n`);
    await fs.writeFile(path.join(outDir, 'history.md'), historyMarkdown(result, 'sparkline.svg'));
    await fs.writeFile(path.join(outDir, 'history.html'), historyHtml(result));
    io.out(historyTerminal(result));
    io.out(`report: ${path.relative(io.cwd, path.join(outDir, 'history.html')) || path.join(outDir, 'history.html')}\n`);
    return 0;
  },
};
