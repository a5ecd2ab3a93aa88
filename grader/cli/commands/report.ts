// relu-lab report: re-render the reports of a results document without
// grading again (for another audience, after the deadline, or after the
// templates changed).
import fs from 'node:fs/promises';
import path from 'node:path';
import { ReluLabError } from '../../core/errors.ts';
import { renderFileReports, renderReports, writeReports } from '../../report/renderReports.ts';
import { validateResults } from '../../results/validateResults.ts';
import { assignmentFlags, parse } from '../parse.ts';
import type { Command } from './Command.ts';

const AUDIENCES = ['student', 'instructor'] as const;
const FORMATS = ['files', 'html', 'md', 'terminal'] as const;

export const report: Command = {
  summary: 're-render report.html and report.md from a results.json, without grading',
  usage:
    'usage: relu-lab report RESULTS.json [--assignment DIR] [--audience student|instructor] [--format files|html|md|terminal] [--out DIR] [--now ISO] [--published] [--manifest FILE]',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        assignment: { type: 'string' },
        audience: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        now: { type: 'string' },
        published: { type: 'boolean' },
        manifest: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 1) throw new ReluLabError('usage', 'give exactly one results.json to render');
    const audience = oneOf('audience', values.audience ?? 'student', AUDIENCES);
    const format = oneOf('format', values.format ?? 'files', FORMATS);
    const now = values.now ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new ReluLabError('usage', `--now needs an ISO date such as 2026-12-01T12:00:00Z, got "${values.now}"`);
    const file = path.resolve(io.cwd, positionals[0]);
    const text = await fs.readFile(file, 'utf8').catch(() => {
      throw new ReluLabError('usage', `cannot read ${positionals[0]}: pass the results.json written by relu-lab grade`);
    });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ReluLabError('results-invalid', `${positionals[0]} is not JSON (${(e as Error).message}); pass the results.json written by relu-lab grade`);
    }
    const doc = validateResults(data);
    // the assignment draws its own pictures and insights, and names the exports and the guide
    const { assignment, manifest } = await assignmentFlags(values, io.cwd);
    const opts = {
      assignment,
      audience,
      now,
      deadline: manifest.deadline ? new Date(manifest.deadline) : null,
      published: values.published ?? false,
      color: io.color,
    };
    if (format === 'files') {
      const { htmlPath, markdownPath, fallback } = await writeReports(doc, values.out ? path.resolve(io.cwd, values.out) : path.dirname(file), opts);
      if (fallback) io.err(`the full report could not be drawn (${fallback}); wrote a plain one instead\n`);
      io.out(`report: ${path.relative(io.cwd, htmlPath)}\nmarkdown: ${path.relative(io.cwd, markdownPath)}\n`);
      return 0;
    }
    if (format === 'terminal') {
      let terminal: string;
      try {
        terminal = renderReports(doc, opts).terminal;
      } catch {
        // the plain Markdown reads well enough in a terminal
        terminal = renderFileReports(doc, { ...opts, color: false }).markdown;
      }
      io.out(terminal);
      return 0;
    }
    const rendered = renderFileReports(doc, opts);
    if (rendered.fallback) io.err(`the full report could not be drawn (${rendered.fallback}); printed a plain one instead\n`);
    io.out(format === 'html' ? rendered.html : rendered.markdown);
    return 0;
  },
};

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ReluLabError('usage', `--${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}
