import { describe, expect, test } from 'vitest';
import { sampleDoc, sampleView } from '../testing/sampleView.ts';
import { escapeData, escapeProperty, githubAnnotations, MAX_ERRORS } from './annotations.ts';

describe('githubAnnotations', () => {
  const lines = githubAnnotations(sampleView());

  test('puts compile errors first, then one error per failing function at its line', () => {
    expect(lines[0]).toBe('::error file=exercises/backprop.ts,line=7,col=3,title=relu-lab%3A does not compile::Expected ";" but found "}"');
    expect(lines[1]).toMatch(/^::error file=exercises\/activations\.ts,line=6,title=relu-lab%3A reluGrad%3A reluGrad\(0\) is 0%2C not 1::/);
    expect(lines[2]).toMatch(/^::error file=exercises\/backprop\.ts,line=3,title=relu-lab%3A backward%3A /);
    expect(lines).toHaveLength(3);
  });

  test('keeps every line a single workflow command, whatever the message holds', () => {
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    // a command inside the message stays data: it does not start a line
    expect(lines[1]).toContain('expected 0, got 1%0A<script>&"%25,:%0A::error::x%0Ahint: Look at the slope.');
  });

  test('never mentions a withheld test', () => {
    expect(lines.join('\n')).not.toContain('withheld');
    expect(lines.join('\n')).not.toContain('secret');
  });

  test('sums up what does not fit in the ten errors GitHub shows', () => {
    const doc = sampleDoc();
    doc.diagnostics = Array.from({ length: 12 }, (_, i) => ({ file: 'exercises/backprop.ts', line: i + 1, column: 1, message: `error ${i}` }));
    const many = githubAnnotations(sampleView({ kind: 'visible' }, doc));
    expect(many.filter((l) => l.startsWith('::error'))).toHaveLength(MAX_ERRORS);
    expect(many.at(-1)).toBe('::notice title=relu-lab::4 more problems are not annotated: see the job summary or the report artifact.');
  });
});

describe('escaping', () => {
  test('follows the workflow-command rules for data and properties', () => {
    expect(escapeData('50% done\nnext')).toBe('50%25 done%0Anext');
    expect(escapeProperty('a: b, c')).toBe('a%3A b%2C c');
  });

  test('a lone CR or an escape sequence never reaches the log: the runner would take CR as a line break', () => {
    expect(escapeData('x\r::error::forged\u001b]0;title\u0007\u001bM')).toBe('x\\u000D::error::forged');
    expect(escapeProperty('a\nb\u202Ec')).toBe('a\\u000Ab\\u202Ec');
  });
});
