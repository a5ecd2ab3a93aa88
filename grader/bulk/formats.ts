// --format: the platforms bulk writes results for, besides its own.
import { ReluLabError } from '../core/errors.ts';

export const FORMATS = ['gradescope', 'prairielearn', 'classroom', 'canvas'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** The formats of one or more --format values (each may list several, comma-separated). */
export function parseFormats(values: readonly string[] | undefined): ExportFormat[] {
  const out = new Set<ExportFormat>();
  for (const value of values ?? []) {
    for (const name of value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (!(FORMATS as readonly string[]).includes(name)) throw new ReluLabError('usage', `--format must be one of ${FORMATS.join(', ')}; got "${name}"`);
      out.add(name as ExportFormat);
    }
  }
  return [...out];
}
