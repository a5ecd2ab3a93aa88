import { expect, test } from 'vitest';
import { markdownCode, markdownFence, markdownHref, markdownHtmlText, markdownText } from './markdownEscape.ts';

test('prose: no raw HTML, no table breaks, no emphasis, one line', () => {
  expect(markdownText('a | b <script>x</script> *y* [z](u)\nnext & more')).toBe(
    'a \\| b &lt;script&gt;x&lt;/script&gt; \\*y\\* \\[z\\](u) next &amp; more',
  );
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
