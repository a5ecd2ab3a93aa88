// `grade` in the student edition: the self-check. Grades exercises/ with the
// visible tests and runs the course's experiments (or, given --hidden,
// grades with a hidden bundle), writes
// results.json and the reports to reports/<name>/ and prints the report.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from './Command.ts';
import { numberFlag, parse } from '../parse.ts';
import { DEFAULTS } from '../../core/defaults.ts';
import { ReluLabError } from '../../core/errors.ts';
import { assignment } from '../../course/assignment.ts';
import { writeGradingOutputs } from '../../engine/writeGradingOutputs.ts';
import { renderTerminal } from '../../report/renderTerminal.ts';
import { openSession } from '../../ci/openSession.ts';

export const VISIBLE_ONLY_NOTE = 'Visible tests only: the hidden tests run when your work is graded, and your grade comes from that run.';

export const selfCheck: Command = {
  summary: 'the self-check: grade exercises/ with the visible tests and write reports/<name>/report.html',
  usage: 'usage: relu-lab grade [--submission DIR] [--out DIR] [--json] [--min-score N] [--hidden PATH]',
  async run(args, io) {
    const { values } = parse(args, {
      submission: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      'min-score': { type: 'string' },
      hidden: { type: 'string' },
    });
    const submissionDir = path.resolve(io.cwd, values.submission ?? DEFAULTS.submissionDir);
    const minScore = numberFlag('min-score', values['min-score'], 0, 100);
    if (!(await fs.stat(submissionDir).catch(() => null))?.isDirectory()) {
      throw new ReluLabError(
        'usage',
        `${values.submission ?? DEFAULTS.submissionDir} is not a folder; pass --submission DIR, the folder with your exercise files`,
      );
    }
    const session = await openSession({
      hidden: values.hidden === undefined ? undefined : path.resolve(io.cwd, values.hidden),
      // the course's experiments, from the student's own functions in a sandbox, for the report's Experiments section
      experiments: assignment.experiments?.bind(assignment),
    });
    let doc;
    try {
      doc = await session.grade(submissionDir);
    } finally {
      await session.close();
    }
    const outDir = path.resolve(io.cwd, values.out ?? path.join(DEFAULTS.reportsDir, path.basename(submissionDir)));
    const now = new Date();
    const deadline = session.manifest.deadline ? new Date(session.manifest.deadline) : null;
    const { htmlPath } = await writeGradingOutputs(doc, outDir, { assignment, manifest: session.manifest, audience: 'student', now });
    if (values.json) {
      io.out(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      io.out(renderTerminal(doc, { assignment, color: io.color, audience: 'student', now, deadline }));
      if (session.mode.kind === 'visible') io.out(`\n${VISIBLE_ONLY_NOTE}\n`);
      io.out(`\nreport: ${path.relative(io.cwd, htmlPath) || htmlPath}\n`);
    }
    const { earned, possible } = doc.score;
    const percent = possible === 0 ? 0 : (100 * earned) / possible;
    if (minScore !== undefined && percent < minScore) {
      io.err(`score ${percent.toFixed(1)} % is below --min-score ${minScore}\n`);
      return 1;
    }
    return 0;
  },
};
