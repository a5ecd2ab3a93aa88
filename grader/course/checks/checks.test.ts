import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as activations from '../../../solutions/activations.ts';
import * as backprop from '../../../solutions/backprop.ts';
import * as claims from '../../../solutions/claims.ts';
import * as deadNeurons from '../../../solutions/dead-neurons.ts';
import * as forward from '../../../solutions/forward.ts';
import * as linearity from '../../../solutions/linearity.ts';
import * as training from '../../../solutions/training.ts';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { loadManifest } from '../../manifest/loadManifest.ts';
import { hidden } from '../hidden.ts';

const checks = hidden.checks;

/** The reference's exports, by module: what a check may call. */
const reference: Record<string, object> = {
  activations,
  forward,
  backprop,
  'dead-neurons': deadNeurons,
  linearity,
  claims,
  training,
};

const GUIDE_LINK = 'exercises/README.md#';
const ANCHOR_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-';

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return [...heading.toLowerCase()]
    .filter((c) => c === ' ' || ANCHOR_CHARS.includes(c))
    .map((c) => (c === ' ' ? '-' : c))
    .join('');
}

/** The anchors of every heading of a Markdown text. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of markdown.split('\n')) {
    let level = 0;
    while (line[level] === '#') level++;
    if (level > 0 && line[level] === ' ') anchors.add(anchorOf(line.slice(level + 1).trim()));
  }
  return anchors;
}

/** The anchor a hint links to in the student guide, or null when it links nowhere there. */
function guideAnchor(hint: string): string | null {
  const at = hint.indexOf(GUIDE_LINK);
  if (at === -1) return null;
  let end = at + GUIDE_LINK.length;
  while (end < hint.length && ANCHOR_CHARS.includes(hint[end])) end++;
  return hint.slice(at + GUIDE_LINK.length, end) || null;
}

describe("the ReLU course's checks", () => {
  test('ids are unique and prefixed by their task', () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of checks) expect(c.id.startsWith(`${c.task}.`), c.id).toBe(true);
  });

  test('every manifest task has checks, every check belongs to a manifest task, and checks run in task order', async () => {
    const order = (await loadManifest()).tasks.map((t) => t.id);
    const tasks = checks.map((c) => c.task);
    expect(new Set(tasks)).toEqual(new Set(order));
    const positions = tasks.map((t) => order.indexOf(t));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('weights are positive and finite', () => {
    for (const c of checks) expect(Number.isFinite(c.weight) && c.weight > 0, `${c.id}: weight ${c.weight}`).toBe(true);
  });

  test("each check calls at least one export, and every one it names is an export of its task's module in the reference", () => {
    for (const c of checks) {
      expect(c.calls.length, c.id).toBeGreaterThan(0);
      expect(new Set(c.calls).size, `${c.id} names an export twice`).toBe(c.calls.length);
      for (const name of c.calls) expect(Object.keys(reference[c.task] ?? {}), `${c.id} calls ${name}`).toContain(name);
    }
  });

  test("the reference's exports are known for exactly the course's modules", () => {
    // else the check above would fail for a module missing here, or say nothing of one named wrongly
    expect(Object.keys(reference).sort()).toEqual([...new Set(checks.map((c) => c.task))].sort());
  });

  test('hints link to lessons that exist in the student guide', () => {
    const anchors = headingAnchors(fs.readFileSync(path.join(PACKAGE_ROOT, 'exercises/README.md'), 'utf8'));
    for (const c of checks) {
      const anchor = guideAnchor(c.hint);
      expect(anchor, `${c.id} hint links to the guide`).not.toBeNull();
      expect(anchors.has(anchor!), `${c.id} -> #${anchor}`).toBe(true);
    }
  });
});

describe('reading the guide', () => {
  test("a heading's anchor drops punctuation and joins words with hyphens", () => {
    expect(anchorOf('5. Where the nonlinearity lives')).toBe('5-where-the-nonlinearity-lives');
    expect([...headingAnchors('# Title\n## 1. Activations\nnot # a heading\n#no-space')]).toEqual(['title', '1-activations']);
  });

  test("a hint's link is read up to the end of its anchor", () => {
    expect(guideAnchor('Step against the gradient. See exercises/README.md#7-training-and-revival')).toBe('7-training-and-revival');
    expect(guideAnchor('See exercises/README.md#2-the-forward-pass, then retry')).toBe('2-the-forward-pass');
    expect(guideAnchor('no link here')).toBeNull();
  });
});
