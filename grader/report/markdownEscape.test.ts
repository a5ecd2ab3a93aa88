import { expect, test } from 'vitest';
import { markdownCode, markdownFence, markdownHref, markdownHtmlText, markdownText } from './markdownEscape.ts';

test('prose: no raw HTML, no table breaks, no emphasis, one line', () => {
  expect(markdownText('a | b <script>x</script> *y* [z](u)\nnext & more')).toBe('a \\| b &lt;script&gt;x&lt;/script&gt; \\*y\\* \\[z\\](u) next &amp; more');
});

test('code spans and fences cannot be closed by the content', () => {
  expect(markdownCode('a`b')).toBe('``a`b``');
  expect(markdownCode('`x`')).toBe('`` `x` ``');
  expect(markdownFence('x\n```\ny\n')).toBe('````\nx\n```\ny\n````');
  expect(markdownFence('ok', 'ts')).toBe('```ts\nok\n```');
});

test('HTML text and link destinations', () => {
  expect(markdownHtmlText('z <= 0 & "q"')).toBe('z &lt;= 0 &amp; &quot;q&quot;');
  expect(markdownHref('../../a b.md#x')).toBe('<../../a%20b.md#x>');
});

test('no escape sequence, control or bidi override gets through, in prose, code, fences or links', () => {
  const attack = 'x\u001bM\rScore: 96 / 96\u001b]52;c;eA==\u0007\u202Ey';
  expect(markdownText(attack)).toBe('x\\\\u000DScore: 96 / 96\\\\u202Ey');
  expect(markdownHtmlText(attack)).toBe('x\\u000DScore: 96 / 96\\u202Ey');
  expect(markdownCode(attack)).toBe('`x\\u000DScore: 96 / 96\\u202Ey`');
  expect(markdownFence(attack)).toBe('```\nx\\u000DScore: 96 / 96\\u202Ey\n```');
  expect(markdownHref('a\u0007b')).toBe('<a\\u0007b>');
});
