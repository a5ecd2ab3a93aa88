import path from 'node:path';
import { expect, test } from 'vitest';
import { guideOf, hintSegments } from './hintSegments.ts';

const root = path.resolve('/course');
const guide = guideOf({ exercisesDir: path.join(root, 'exercises'), guidePath: path.join(root, 'docs', 'guide.md') });

test('the guide is named from the project root, the parent of the exercises folder', () => {
  expect(guide).toEqual({ path: 'docs/guide.md', href: '../../docs/guide.md' });
  expect(guideOf({ exercisesDir: path.join(root, 'exercises') })).toBeNull();
});

test('Markdown links to the guide become relative links from reports/<name>/', () => {
  expect(hintSegments('See [the sign rule](docs/guide.md#the-sign-rule).', guide)).toEqual([
    { kind: 'text', text: 'See ', href: null, target: null },
    { kind: 'link', text: 'the sign rule', href: '../../docs/guide.md#the-sign-rule', target: 'docs/guide.md#the-sign-rule' },
    { kind: 'text', text: '.', href: null, target: null },
  ]);
});

test('bare references to the guide become links too', () => {
  expect(hintSegments('read docs/guide.md#parsing and docs/guide.md', guide)).toEqual([
    { kind: 'text', text: 'read ', href: null, target: null },
    { kind: 'link', text: 'docs/guide.md#parsing', href: '../../docs/guide.md#parsing', target: 'docs/guide.md#parsing' },
    { kind: 'text', text: ' and ', href: null, target: null },
    { kind: 'link', text: 'docs/guide.md', href: '../../docs/guide.md', target: 'docs/guide.md' },
  ]);
});

test('other text, links elsewhere, other files and an empty hint stay text', () => {
  expect(hintSegments('[x](https://example.org) <b> docs/guidexmd', guide)).toEqual([
    { kind: 'text', text: '[x](https://example.org) <b> docs/guidexmd', href: null, target: null },
  ]);
  expect(hintSegments('', guide)).toEqual([]);
});

test('without a guide, a hint is text', () => {
  expect(hintSegments('see docs/guide.md#parsing', null)).toEqual([{ kind: 'text', text: 'see docs/guide.md#parsing', href: null, target: null }]);
});

test('a guide written elsewhere (a bulk output folder) is linked where it is, anchors kept', () => {
  const copied = guideOf({ exercisesDir: path.join(root, 'exercises'), guidePath: path.join(root, 'docs', 'guide.md'), guideHref: '../guide/guide.md' });
  expect(copied).toEqual({ path: 'docs/guide.md', href: '../guide/guide.md' });
  expect(hintSegments('See [the rule](docs/guide.md#the-rule) and docs/guide.md', copied).filter((s) => s.kind === 'link')).toEqual([
    { kind: 'link', text: 'the rule', href: '../guide/guide.md#the-rule', target: 'docs/guide.md#the-rule' },
    { kind: 'link', text: 'docs/guide.md', href: '../guide/guide.md', target: 'docs/guide.md' },
  ]);
});
