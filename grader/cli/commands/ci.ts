// relu-lab ci: grade the checked-out commit for a CI job (see docs/ci.md).
import path from 'node:path';
import { runCi } from '../../ci/runCi.ts';
import { ReluLabError } from '../../core/errors.ts';
import { assignment } from '../../course/assignment.ts';
import { numberFlag, parse } from '../parse.ts';
import type { Command } from './Command.ts';

export const ci: Command = {
  summary: 'grade the checked-out commit for CI: job summary, JUnit, annotations, GitHub Classroom output',
  usage: 'usage: relu-lab ci [--hidden PATH] [--fail-under N] [--junit FILE] [--out DIR] [--submission DIR] [--audience student|instructor] [--manifest FILE]',
  async run(args, io) {
    const { values } = parse(args, {
      hidden: { type: 'string' },
      'fail-under': { type: 'string' },
      junit: { type: 'string' },
      out: { type: 'string' },
      submission: { type: 'string' },
      manifest: { type: 'string' },
      audience: { type: 'string' },
    });
    const audience = values.audience ?? 'student';
    if (audience !== 'student' && audience !== 'instructor') throw new ReluLabError('usage', `--audience is student or instructor, not "${audience}"`);
    const result = await runCi(
      {
        assignment,
        hidden: values.hidden === undefined ? undefined : path.resolve(io.cwd, values.hidden),
        failUnder: numberFlag('fail-under', values['fail-under'], 0, 100),
        junit: values.junit,
        out: values.out,
        submission: values.submission,
        manifestPath: values.manifest === undefined ? undefined : path.resolve(io.cwd, values.manifest),
        audience,
      },
      io,
    );
    return result.exitCode;
  },
};
