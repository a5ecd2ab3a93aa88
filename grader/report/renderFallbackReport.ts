// The report written when the real one cannot be rendered (a template or a
// figure failed on some value in the results): plain, self-contained HTML and
// Markdown built without the templates, the figures or any recursion into
// student values. It says that rendering failed, the score, and each check
// the audience may see with its outcome, so a student is never left with
// results.json alone. Every string is escaped and clipped.
import type { ResultsDocument, TestResult } from '../results/types.ts';
import { isShownTo, type VisibilityContext } from './isShownTo.ts';

/** Characters of a message or a name shown; the full text stays in results.json. */
const MAX_TEXT = 500;
/** Checks listed; an assignment has tens, a document may hold any number. */
const MAX_TESTS = 500;

function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function html(value: unknown): string {
  return clip(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Markdown text with its syntax and any control characters neutralised, on one line. */
function md(value: unknown): string {
  return (
    clip(value)
      // eslint-disable-next-line no-control-regex -- C0 and C1 control characters are what this neutralises
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`)
  );
}

const number = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '?');

function percent(doc: ResultsDocument): string {
  const { earned, possible } = doc.score ?? { earned: NaN, possible: NaN };
  return typeof earned === 'number' && typeof possible === 'number' && possible > 0 ? `${number((100 * earned) / possible)} %` : '?';
}

function shownTests(doc: ResultsDocument, ctx: VisibilityContext): { shown: TestResult[]; withheld: number } {
  const tests = Array.isArray(doc.tests) ? doc.tests : [];
  const shown = tests.filter((t) => isShownTo(t, ctx));
  return { shown, withheld: tests.length - shown.length };
}

/** The fallback report.html and report.md for `doc`; `why` says what failed. Never throws for any document that passed the schema. */
export function renderFallbackReport(doc: ResultsDocument, ctx: VisibilityContext, why: string): { html: string; markdown: string } {
  const { shown, withheld } = shownTests(doc, ctx);
  const listed = shown.slice(0, MAX_TESTS);
  const more = shown.length - listed.length;
  const score = `${number(doc.score?.earned)} / ${number(doc.score?.possible)} points (${percent(doc)})`;
  const name = doc.submission?.name ?? 'submission';

  const rows = listed
    .map(
      (t) =>
        `<tr><td>${html(t.status)}</td><td>${html(t.name)}<br><code>${html(t.id)}</code>${t.message && t.status !== 'passed' ? `<br>${html(t.message)}` : ''}</td><td>${number(t.earned)} / ${number(t.possible)}</td></tr>`,
    )
    .join('\n');
  const notes = [
    more > 0 ? `<p>${more} more checks are in results.json.</p>` : '',
    withheld > 0 ? `<p>${withheld} checks are not shown yet; their points count in the score.</p>` : '',
  ].join('');
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>relu-lab report: ${html(name)} (plain)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}.note{background:#fff4d6;padding:.6rem 1rem}</style>
</head>
<body>
<h1>relu-lab report: ${html(name)}</h1>
<p class="note">The full report could not be drawn (${html(why)}). This plain version lists what grading found; results.json holds everything.</p>
<p><strong>Score: ${html(score)}</strong></p>
<table>
<thead><tr><th>outcome</th><th>check</th><th>points</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${notes}
</body>
</html>
`;

  const lines = listed.map(
    (t) =>
      `| ${md(t.status)} | ${md(t.name)} (${md(t.id)})${t.message && t.status !== 'passed' ? `: ${md(t.message)}` : ''} | ${number(t.earned)} / ${number(t.possible)} |`,
  );
  const markdown = [
    `# relu-lab report: ${md(name)}`,
    '',
    `The full report could not be drawn (${md(why)}). This plain version lists what grading found; results.json holds everything.`,
    '',
    `**Score: ${md(score)}**`,
    '',
    '| outcome | check | points |',
    '|---|---|---|',
    ...lines,
    '',
    ...(more > 0 ? [`${more} more checks are in results.json.`, ''] : []),
    ...(withheld > 0 ? [`${withheld} checks are not shown yet; their points count in the score.`, ''] : []),
  ].join('\n');
  return { html: page, markdown };
}
