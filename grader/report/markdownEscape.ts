// Text safe to place in GitHub-flavoured Markdown: as prose or a table cell,
// as an inline code span, or as a fenced block. No raw HTML gets through,
// and no escape sequence or control either (core/sanitiseText.ts): a job
// summary or a report.md shown by `cat` must not act on a terminal.
import { sanitiseText } from '../core/sanitiseText.ts';

/** Prose or a table cell: one line, Markdown punctuation escaped, `<`, `>` and `&` as entities. */
export function markdownText(text: string): string {
  return sanitiseText(text)
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1');
}

/** Text inside an HTML element of the Markdown (e.g. <summary>): only `&`, `<`, `>` and `"` escaped. */
export function markdownHtmlText(text: string): string {
  return sanitiseText(text)
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An inline code span, its fence longer than any run of backticks inside. */
export function markdownCode(text: string): string {
  const flat = sanitiseText(text).replace(/\s*\r?\n\s*/g, ' ');
  const fence = '`'.repeat(longestRun(flat) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block that no line of `text` can close early. */
export function markdownFence(unsafeText: string, lang = ''): string {
  const text = sanitiseText(unsafeText);
  const fence = '`'.repeat(Math.max(3, longestRun(text) + 1));
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** A link destination in angle brackets, so spaces and parentheses stay inside it. */
export function markdownHref(href: string): string {
  return `<${sanitiseText(href, { singleLine: true }).replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function longestRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
