// The second hint: a check's formula (tests[].formula) is carried by
// results.json, linked like the first hint and shown collapsed under it in
// report.html and report.md; a check without one shows no second hint.
import { describe, expect, test } from 'vitest';
import { validateResults } from '../results/validateResults.ts';
import { buildReportView } from './buildReportView.ts';
import { sampleAssignment, sampleResults } from './fixtures/sample-results.ts';
import { renderReports } from './renderReports.ts';

const options = { audience: 'student' as const, now: new Date('2026-11-27T00:00:00Z'), deadline: null, assignment: sampleAssignment };

const ID = 'signs.sign-at-zero';
const FORMULA = 'sign(x) = 1 for x > 0, 0 for x = 0, -1 for x < 0; see docs/guide.md#the-sign-of-zero';

function withFormula() {
  const doc = structuredClone(sampleResults);
  const t = doc.tests.find((x) => x.id === ID);
  if (!t) throw new Error(`the sample has no test ${ID}`);
  t.formula = FORMULA;
  return doc;
}

describe('a check’s formula', () => {
  test('is valid in results.json, and optional', () => {
    expect(validateResults(withFormula()).tests.find((t) => t.id === ID)?.formula).toBe(FORMULA);
    expect(() => validateResults(sampleResults)).not.toThrow();
    const bad = withFormula() as unknown as { tests: { formula?: unknown }[] };
    bad.tests[1].formula = 42;
    expect(() => validateResults(bad)).toThrow();
  });

  test('becomes the view’s second hint, its guide references linked like the first', () => {
    const view = buildReportView(withFormula(), options);
    const failing = view.tasks.flatMap((t) => t.failing);
    const shown = failing.find((f) => f.id === ID);
    expect(shown?.formula.map((s) => s.text).join('')).toContain('sign(x) = 1 for x > 0');
    expect(shown?.formula.find((s) => s.kind === 'link')?.href).toBe('../../docs/guide.md#the-sign-of-zero');
    expect(failing.filter((f) => f.id !== ID).every((f) => f.formula.length === 0)).toBe(true);
  });

  test('is collapsed under the hint in report.html and report.md, and absent without one', () => {
    const { html, markdown: md } = renderReports(withFormula(), options);
    const article = html.slice(html.indexOf(`id="test-${ID}"`));
    const block = article.slice(0, article.indexOf('</article>'));
    expect(block).toMatch(
      /<p class="hint">[\s\S]*<\/p>\s*<details class="formula"><summary>Show the formula<\/summary><p>sign\(x\) &#x3D; 1 for x &gt; 0[^<]*<a href="..\/..\/docs\/guide.md#the-sign-of-zero">/,
    );
    expect(html.match(/Show the formula/g)).toHaveLength(1);
    expect(md).toContain(
      '<details>\n<summary>Show the formula</summary>\n\nsign(x) = 1 for x &gt; 0, 0 for x = 0, -1 for x &lt; 0; see [docs/guide.md\\#the-sign-of-zero](<../../docs/guide.md#the-sign-of-zero>)\n\n</details>',
    );
    expect(md.indexOf('**Hint:** Zero is neither')).toBeLessThan(md.indexOf('Show the formula'));
    expect(md.match(/Show the formula/g)).toHaveLength(1);
    const plain = renderReports(sampleResults, options);
    expect(plain.html).not.toContain('Show the formula');
    expect(plain.markdown).not.toContain('Show the formula');
  });
});
