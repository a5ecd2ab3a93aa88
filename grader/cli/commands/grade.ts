// relu-lab grade: grade one submission against an assignment (the ReLU course
// unless --assignment names another), write results.json and the reports,
// print a summary. Exit 0 when grading completed (1 below --min-score).
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULTS } from '../../core/defaults.ts';
import { ReluLabError } from '../../core/errors.ts';
import type { Grader } from '../../engine/Grader.ts';
import { gradeToFolder } from '../../engine/gradeToFolder.ts';
import { locateExercises } from '../../bulk/locateExercises.ts';
import { renderTerminal } from '../../report/renderTerminal.ts';
import { assignmentFlags, numberFlag, parse } from '../parse.ts';
import type { Command } from './Command.ts';

export const grade: Command = {
  summary: 'grade one submission and write results.json, report.html and report.md',
  usage: 'usage: relu-lab grade [--assignment DIR] [SUBMISSION | --submission DIR] [--out DIR] [--json] [--min-score N] [--manifest FILE]',
  async run(args, io) {
    // the engine (and Vitest with it) loads while the arguments, the assignment and the manifest are read
    const engine = import('../../engine/Grader.ts');
    engine.catch(() => {});
    const { values, positionals } = parse(
      args,
      {
        assignment: { type: 'string' },
        submission: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        'min-score': { type: 'string' },
        manifest: { type: 'string' },
      },
      true,
    );
    if (positionals.length > 1 || (positionals.length === 1 && values.submission !== undefined)) {
      throw new ReluLabError(
        'usage',
        `name one submission, either as SUBMISSION or with --submission DIR (got ${[...positionals, values.submission].filter(Boolean).join(', ')})`,
      );
    }
    const given = positionals[0] ?? values.submission;
    const submissionDir = path.resolve(io.cwd, given ?? DEFAULTS.submissionDir);
    const minScore = numberFlag('min-score', values['min-score'], 0);
    const stat = await fs.stat(submissionDir).catch(() => null);
    if (!stat?.isDirectory()) {
      throw new ReluLabError('usage', `${given ?? DEFAULTS.submissionDir} is not a folder; pass the folder that holds the submission's module files`);
    }
    const { assignment, manifest } = await assignmentFlags(values, io.cwd);
    const outDir = path.resolve(io.cwd, values.out ?? path.join(DEFAULTS.reportsDir, path.basename(submissionDir)));
    // a student's folder holding exercises/ (a clone of their repository, an unpacked zip) is graded as bulk grades it
    const located = await locateExercises(
      submissionDir,
      assignment.modules.map((m) => m.name),
    );
    const codeDir = located.kind === 'found' ? located.dir : submissionDir;
    let grader: Grader | undefined;
    try {
      const result = await gradeToFolder(
        async () => (grader = await (await engine).Grader.create(manifest, assignment)),
        { manifest, assignment },
        codeDir,
        outDir,
      );
      if (values.json) {
        io.out(`${JSON.stringify(result.doc, null, 2)}\n`);
      } else {
        let summary: string;
        try {
          const deadline = manifest.deadline ? new Date(manifest.deadline) : null;
          summary = renderTerminal(result.doc, { color: io.color, audience: 'student', now: new Date(), deadline, assignment });
        } catch (e) {
          // the files are written; say the score plainly rather than fail here
          const { earned, possible } = result.doc.score;
          summary = `score: ${earned} / ${possible} (the summary could not be drawn: ${(e as Error).message})\n`;
        }
        if (result.reportFallback) io.err(`the full report could not be drawn (${result.reportFallback}); wrote a plain one instead\n`);
        io.out(summary);
        io.out(`\nreport: ${path.relative(io.cwd, result.htmlPath) || result.htmlPath}\nresults: ${path.relative(io.cwd, result.resultsPath)}\n`);
      }
      const { earned, possible } = result.doc.score;
      const percent = possible === 0 ? 0 : (100 * earned) / possible;
      if (minScore !== undefined && percent < minScore) {
        io.err(`score ${percent.toFixed(1)} % is below --min-score ${minScore}\n`);
        return 1;
      }
      return 0;
    } finally {
      await grader?.close();
    }
  },
};
