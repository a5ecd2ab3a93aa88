// The score history as a terminal table, Markdown (a table and the
// sparkline as an image) and a self-contained HTML page (the sparkline inline).
import { sanitiseText } from '../../core/sanitiseText.ts';
import { escapeXml } from '../../report/svg/escapeXml.ts';
import { sparkBlocks, sparkline } from '../../report/svg/sparkline.ts';
import type { SvgMarkup } from '../../report/svg/SvgMarkup.ts';
import type { HistoryResult, HistoryRow } from './runHistory.ts';

const fmt = (n: number) => String(Number(n.toFixed(2)));
const scoreText = (row: HistoryRow) => (row.score ? `${fmt(row.score.earned)} / ${fmt(row.score.possible)}` : 'could not grade');
const percent = (row: HistoryRow) => (row.score && row.score.possible > 0 ? (100 * row.score.earned) / row.score.possible : null);
const day = (iso: string) => iso.slice(0, 10);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** a commit's subject is the student's text: no control sequence of it reaches a terminal or a page */
const subject = (row: HistoryRow) => sanitiseText(row.commit.subject, { singleLine: true });

export function modeLine(result: HistoryResult): string {
  return result.mode.kind === 'visible'
    ? 'visible tests only (the hidden tests run when your work is graded)'
    : `hidden tests (bundle ${result.mode.bundle.hash.slice(0, 12)})`;
}

export function historyChart(result: HistoryResult): SvgMarkup {
  const values = result.rows.map(percent);
  const last = result.rows.at(-1);
  return sparkline({
    title: 'Score per commit',
    description: `Score in percent for the last ${result.rows.length} commits, oldest first: ${values.map((v) => (v === null ? 'none' : fmt(v))).join(', ')}`,
    values,
    max: 100,
    lastLabel: last ? scoreText(last) : undefined,
  });
}

export function historyTerminal(result: HistoryResult): string {
  const lines = [`Score per commit, oldest first: ${modeLine(result)}`, ''];
  const width = Math.max(10, ...result.rows.map((r) => scoreText(r).length));
  for (const row of result.rows) {
    const p = percent(row);
    const bar = p === null ? '          ' : '█'.repeat(Math.round(p / 10)) + '░'.repeat(10 - Math.round(p / 10));
    lines.push(
      `  ${row.commit.commit.slice(0, 7)}  ${day(row.commit.date)}  ${scoreText(row).padStart(width)}  ${bar}  ${clip(subject(row), 50)}${row.cached ? '  (cached)' : ''}`,
    );
  }
  lines.push('', `  ${sparkBlocks(result.rows.map(percent), 100)}`, '');
  return lines.join('\n');
}

const mdCell = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[`*_[\]<>]/g, (c) => `\\${c}`);

export function historyMarkdown(result: HistoryResult, chartFile: string): string {
  const rows = [...result.rows]
    .reverse()
    .map((r) => `| \`${r.commit.commit.slice(0, 7)}\` | ${day(r.commit.date)} | ${mdCell(scoreText(r))} | ${mdCell(clip(subject(r), 72))} |`);
  return [
    '## Score per commit',
    '',
    `_${mdCell(modeLine(result))}_`,
    '',
    `![Score per commit, oldest first](${chartFile})`,
    '',
    '| Commit | Date | Score | Message |',
    '| --- | --- | ---: | --- |',
    ...rows,
    '',
  ].join('\n');
}

export function historyHtml(result: HistoryResult): string {
  const rows = [...result.rows]
    .reverse()
    .map(
      (r) =>
        `<tr><td><code>${escapeXml(r.commit.commit.slice(0, 7))}</code></td><td>${escapeXml(day(r.commit.date))}</td><td class="n">${escapeXml(scoreText(r))}</td><td>${escapeXml(subject(r))}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>relu-lab: score per commit</title>
<style>
body { font-family: system-ui, -apple-system, Segoe UI, Roboto, sans-serif; color: #1f2937; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
.chart { max-width: 28rem; margin-bottom: 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e5e7eb; }
td.n { text-align: right; white-space: nowrap; }
</style>
</head>
<body>
<h1>Score per commit</h1>
<p>${escapeXml(modeLine(result))}</p>
<div class="chart">${historyChart(result).markup}</div>
<table>
<thead><tr><th>Commit</th><th>Date</th><th>Score</th><th>Message</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
