// The one place the templates are compiled: an isolated Handlebars
// environment (its helpers and partials do not leak into other users of the
// library), strict mode (a field the view lacks is an error, not a blank),
// every template compiled once and cached. The report's two are named; any
// other template of the folder (a bulk run's class summary) is asked for by
// its file name with the view type its caller knows.
//
// HTML escaping is Handlebars' own. The only unescaped output is SVG from
// the report's svg module (the `svg` helper refuses anything else) and the
// Markdown helpers, which escape for Markdown themselves. Handlebars escapes
// `<` but not controls, so every string of a view is sanitised before it is
// rendered (core/sanitiseText.ts): no escape sequence, control or bidi
// override of a submission reaches a report.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import { formatNumber } from '../core/formatValue.ts';
import { sanitiseStrings } from '../core/sanitiseText.ts';
import { markdownCode, markdownFence, markdownHref, markdownHtmlText, markdownText } from './markdownEscape.ts';
import type { ReportView } from './ReportView.ts';
import { isSvgMarkup } from './svg/SvgMarkup.ts';

export interface ReportTemplates {
  html: (view: ReportView) => string;
  markdown: (view: ReportView) => string;
  /** any other template of the folder, e.g. `summary.html.hbs`, compiled on first use */
  template<V>(file: string): (view: V) => string;
}

export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

const cache = new Map<string, ReportTemplates>();

/** The compiled report templates of `templatesDir` (templates/ by default). */
export function handlebarsEnv(templatesDir: string = TEMPLATES_DIR): ReportTemplates {
  const hit = cache.get(templatesDir);
  if (hit) return hit;
  const env = Handlebars.create();
  registerHelpers(env);
  const partialsDir = path.join(templatesDir, 'partials');
  for (const file of listPartials(partialsDir)) {
    env.registerPartial(file.slice(0, -'.hbs'.length), read(path.join(partialsDir, file)));
  }
  const compile = <V>(file: string): ((view: V) => string) => {
    const template = env.compile<V>(read(path.join(templatesDir, file)), { strict: true, preventIndent: true });
    return (view) => {
      try {
        return template(sanitiseStrings(view));
      } catch (e) {
        throw new ReluLabError('report-invalid', `templates/${file} could not be rendered: ${(e as Error).message}`, { cause: e });
      }
    };
  };
  const others = new Map<string, (view: never) => string>();
  const templates: ReportTemplates = {
    html: compile<ReportView>('report.html.hbs'),
    markdown: compile<ReportView>('report.md.hbs'),
    template<V>(file: string): (view: V) => string {
      let hit = others.get(file);
      if (!hit) {
        hit = compile<V>(file) as (view: never) => string;
        others.set(file, hit);
      }
      return hit as (view: V) => string;
    },
  };
  cache.set(templatesDir, templates);
  return templates;
}

function listPartials(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.hbs'))
      .sort();
  } catch (e) {
    throw new ReluLabError('report-invalid', `The report partials folder ${dir} is missing: reinstall relu-lab.`, { cause: e });
  }
}

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ReluLabError('report-invalid', `The report template ${file} is missing: reinstall relu-lab.`, { cause: e });
  }
}

function text(value: unknown, helper: string): string {
  if (typeof value === 'string') return value;
  // numbers as everywhere else in the report: -0 as -0, 6 significant digits
  if (typeof value === 'number') return formatNumber(value);
  throw new ReluLabError('report-invalid', `The ${helper} helper needs text, got ${value === null ? 'null' : typeof value}.`);
}

function registerHelpers(env: typeof Handlebars): void {
  env.registerHelper('inlineSvg', (value: unknown) => {
    if (!isSvgMarkup(value)) throw new ReluLabError('report-invalid', 'The inlineSvg helper only prints markup made by the svg module.');
    return new env.SafeString(value.markup);
  });
  env.registerHelper('mdText', (value: unknown) => new env.SafeString(markdownText(text(value, 'mdText'))));
  env.registerHelper('mdHtml', (value: unknown) => new env.SafeString(markdownHtmlText(text(value, 'mdHtml'))));
  env.registerHelper('mdCode', (value: unknown) => new env.SafeString(markdownCode(text(value, 'mdCode'))));
  env.registerHelper(
    'mdFence',
    (value: unknown, lang: unknown) => new env.SafeString(markdownFence(text(value, 'mdFence'), typeof lang === 'string' ? lang : '')),
  );
  env.registerHelper('mdHref', (value: unknown) => new env.SafeString(markdownHref(text(value, 'mdHref'))));
  env.registerHelper('mdBar', (percent: unknown) => {
    const filled = Math.round(Math.min(100, Math.max(0, Number(percent) || 0)) / 10);
    return new env.SafeString('█'.repeat(filled) + '░'.repeat(10 - filled));
  });
}
