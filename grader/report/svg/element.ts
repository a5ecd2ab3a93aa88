// Builds SVG elements as strings: attributes in the order given, numbers
// rounded by px(), every text and attribute value escaped.
import { escapeXml } from './escapeXml.ts';
import { px } from './scale.ts';

export type Attrs = Record<string, string | number | null | undefined>;

/** `<tag a="1">children</tag>`, or `<tag a="1"/>` without children. Children are markup from el/text. */
export function el(tag: string, attrs: Attrs, children: readonly string[] = []): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    parts.push(` ${name}="${escapeXml(typeof value === 'number' ? px(value) : value)}"`);
  }
  const open = `<${tag}${parts.join('')}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${tag}>`;
}

/** Escaped character data. */
export function text(content: string): string {
  return escapeXml(content);
}
