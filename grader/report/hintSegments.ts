// A hint as text and links. References to the assignment's student guide
// (its path from the project root, e.g. `docs/guide.md#anchor`, bare or as a
// Markdown link) become links to where the report finds the guide: from its folder,
// reports/<name>/, unless the assignment says otherwise (guideHref: a bulk output
// folder has its own copy). Without a guide a hint is text.
import path from 'node:path';
import type { ReportAssignment } from './ReportAssignment.ts';
import type { HintSegment } from './ReportView.ts';

/** From reports/<name>/ back to the project root. */
const FROM_REPORT_DIR = '../../';

/** The guide as hints name it and as the report links to it. */
export interface Guide {
  /** from the project root, with forward slashes: `exercises/README.md` */
  path: string;
  /** relative from reports/<name>/ */
  href: string;
}

/** The assignment's guide, named from the project root (the parent of its exercises folder); null when it has none. */
export function guideOf(assignment: Pick<ReportAssignment, 'exercisesDir' | 'guidePath' | 'guideHref'>): Guide | null {
  if (!assignment.guidePath) return null;
  const fromRoot = path.relative(path.dirname(assignment.exercisesDir), assignment.guidePath).split(path.sep).join('/');
  return { path: fromRoot, href: assignment.guideHref ?? FROM_REPORT_DIR + fromRoot };
}

export function hintSegments(hint: string, guide: Guide | null): HintSegment[] {
  if (!guide) return hint === '' ? [] : [textSegment(hint)];
  const file = guide.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\[([^\\]\\n]+)\\]\\((${file}(?:#[\\w-]+)?)\\)|(${file}(?:#[\\w-]+)?)`, 'g');
  const segments: HintSegment[] = [];
  let last = 0;
  for (const m of hint.matchAll(pattern)) {
    const at = m.index ?? 0;
    if (at > last) segments.push(textSegment(hint.slice(last, at)));
    const target = m[2] ?? m[3];
    // the guide's href with the reference's anchor, if any
    segments.push({ kind: 'link', text: m[1] ?? target, href: guide.href + target.slice(guide.path.length), target });
    last = at + m[0].length;
  }
  if (last < hint.length) segments.push(textSegment(hint.slice(last)));
  return segments;
}

function textSegment(text: string): HintSegment {
  return { kind: 'text', text, href: null, target: null };
}
