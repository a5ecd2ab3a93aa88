import { expect, test } from 'vitest';
import { hintSegments } from './hintSegments.ts';

test('Markdown links to the guide become relative links from reports/<name>/', () => {
  expect(hintSegments('See [the kink](exercises/README.md#the-kink-at-zero).')).toEqual([
    { kind: 'text', text: 'See ', href: null, target: null },
    { kind: 'link', text: 'the kink', href: '../../exercises/README.md#the-kink-at-zero', target: 'exercises/README.md#the-kink-at-zero' },
    { kind: 'text', text: '.', href: null, target: null },
  ]);
});

test('bare references to the guide become links too', () => {
  expect(hintSegments('read exercises/README.md#dead-neurons and exercises/README.md')).toEqual([
    { kind: 'text', text: 'read ', href: null, target: null },
    { kind: 'link', text: 'exercises/README.md#dead-neurons', href: '../../exercises/README.md#dead-neurons', target: 'exercises/README.md#dead-neurons' },
    { kind: 'text', text: ' and ', href: null, target: null },
    { kind: 'link', text: 'exercises/README.md', href: '../../exercises/README.md', target: 'exercises/README.md' },
  ]);
});

test('other text, links elsewhere and an empty hint stay text', () => {
  expect(hintSegments('[x](https://example.org) <b>')).toEqual([{ kind: 'text', text: '[x](https://example.org) <b>', href: null, target: null }]);
  expect(hintSegments('')).toEqual([]);
});
