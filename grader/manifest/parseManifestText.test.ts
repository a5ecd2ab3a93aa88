import { describe, expect, it } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { parseManifestText } from './parseManifestText.ts';

function messageOf(text: string): string {
  try {
    parseManifestText(text, 'm.json');
  } catch (e) {
    if (isReluLabError(e, 'manifest-invalid')) return e.message;
    throw e;
  }
  throw new Error('expected a syntax error');
}

describe('parseManifestText', () => {
  it('parses valid JSON', () => {
    expect(parseManifestText('{"a": [1]}', 'm.json')).toEqual({ a: [1] });
  });

  it('places a syntax error at its line and column', () => {
    expect(messageOf('{\n  "a": 1,\n}')).toMatch(/^m\.json is not valid JSON at line 3, column 1: /);
  });

  it('places a truncated file at its end', () => {
    expect(messageOf('{\n  "a": [1,')).toMatch(/at line 2, column 11/);
  });

  it('still says what is wrong when the parser gives no position', () => {
    expect(messageOf('{"a": tru}')).toMatch(/^m\.json is not valid JSON: .*\n  Fix the syntax/);
  });
});
