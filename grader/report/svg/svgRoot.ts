// The outer <svg> element every chart shares: viewBox, full width, an
// accessible name, and no scripts or external references.
import { el, text } from './element.ts';
import { SvgMarkup } from './SvgMarkup.ts';
import { THEME } from './theme.ts';

export interface SvgRootSpec {
  title: string;
  /** what the picture shows, read by screen readers */
  description: string;
  width?: number;
  height?: number;
}

export function svgRoot(spec: SvgRootSpec, body: readonly string[]): SvgMarkup {
  const width = spec.width ?? THEME.width;
  const height = spec.height ?? THEME.height;
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width: '100%',
      role: 'img',
      'aria-label': spec.description,
      'font-family': THEME.font,
      'font-size': THEME.fontSize,
      style: 'display:block;max-width:100%;height:auto',
    },
    [el('title', {}, [text(spec.title)]), ...body],
  );
  return SvgMarkup.fromTrustedParts([svg]);
}
