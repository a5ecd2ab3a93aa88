// Every render of one results document: HTML and Markdown from the
// templates, text for the terminal; and writing the files (atomically, via a
// temporary file renamed into place, so a reader never sees half a report).
import fs from 'node:fs/promises';
import path from 'node:path';
import { ReluLabError } from '../core/errors.ts';
import { writeFileAtomically } from '../core/writeFileAtomically.ts';
import type { ResultsDocument } from '../results/types.ts';
import { buildReportView, type ReportViewOptions } from './buildReportView.ts';
import { handlebarsEnv } from './handlebarsEnv.ts';
import { renderFallbackReport } from './renderFallbackReport.ts';
import { renderTerminalView } from './renderTerminal.ts';

export interface RenderOptions extends ReportViewOptions {
  /** colour in the terminal text; false unless the caller decides otherwise */
  color?: boolean;
}

export interface RenderedReports {
  html: string;
  markdown: string;
  terminal: string;
}

export function renderReports(doc: ResultsDocument, opts: RenderOptions): RenderedReports {
  const view = buildReportView(doc, opts);
  const templates = handlebarsEnv();
  return { html: templates.html(view), markdown: templates.markdown(view), terminal: renderTerminalView(view, opts.color ?? false) };
}

/**
 * The HTML and Markdown reports of `doc`; when rendering them fails on some
 * value of the document, the plain fallback report instead, with `fallback`
 * saying why. Never throws for a document that passed the schema.
 */
export function renderFileReports(doc: ResultsDocument, opts: RenderOptions): { html: string; markdown: string; fallback?: string } {
  try {
    const { html, markdown } = renderReports(doc, opts);
    return { html, markdown };
  } catch (e) {
    const why = `${e instanceof Error ? e.name : 'Error'}: ${e instanceof Error ? e.message : String(e)}`;
    return { ...renderFallbackReport(doc, opts, why), fallback: why };
  }
}

/** Writes report.html and report.md into `outDir` (created if needed); `fallback` says why they are the plain ones, if they are. */
export async function writeReports(
  doc: ResultsDocument,
  outDir: string,
  opts: RenderOptions,
): Promise<{ htmlPath: string; markdownPath: string; fallback?: string }> {
  const { html, markdown, fallback } = renderFileReports(doc, opts);
  const htmlPath = path.join(outDir, 'report.html');
  const markdownPath = path.join(outDir, 'report.md');
  try {
    await fs.mkdir(outDir, { recursive: true });
    await Promise.all([writeFileAtomically(htmlPath, html), writeFileAtomically(markdownPath, markdown)]);
  } catch (e) {
    throw new ReluLabError('report-invalid', `Could not write the reports to ${outDir}: ${(e as Error).message}`, { cause: e });
  }
  return fallback === undefined ? { htmlPath, markdownPath } : { htmlPath, markdownPath, fallback };
}
