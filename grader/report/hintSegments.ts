// A hint as text and links. References to the student guide
// (`exercises/README.md#anchor`, bare or as a Markdown link) become links
// relative from the report's folder, reports/<name>/.
import type { HintSegment } from './ReportView.ts';

/** From reports/<name>/ back to the project root. */
const FROM_REPORT_DIR = '../../';

/** The student guide, relative from reports/<name>/. */
export const GUIDE_HREF = `${FROM_REPORT_DIR}exercises/README.md`;

const GUIDE = /\[([^\]\n]+)\]\((exercises\/README\.md(?:#[\w-]+)?)\)|(exercises\/README\.md(?:#[\w-]+)?)/g;

export function hintSegments(hint: string): HintSegment[] {
  const segments: HintSegment[] = [];
  let last = 0;
  for (const m of hint.matchAll(GUIDE)) {
    const at = m.index ?? 0;
    if (at > last) segments.push(textSegment(hint.slice(last, at)));
    const target = m[2] ?? m[3];
    segments.push({ kind: 'link', text: m[1] ?? target, href: FROM_REPORT_DIR + target, target });
    last = at + m[0].length;
  }
  if (last < hint.length) segments.push(textSegment(hint.slice(last)));
  return segments;
}

function textSegment(text: string): HintSegment {
  return { kind: 'text', text, href: null, target: null };
}
