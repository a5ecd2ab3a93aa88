import type { Message } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { displayPath, formatDiagnostic, toDiagnostic, uniqueDiagnostics } from './toDiagnostic.ts';

const ESC = String.fromCharCode(27);

function message(text: string, location: Partial<NonNullable<Message['location']>> | null): Message {
  return {
    id: '',
    pluginName: '',
    text,
    notes: [],
    detail: undefined,
    location: location && { file: 'a.ts', namespace: 'file', line: 1, column: 0, length: 1, lineText: '', suggestion: '', ...location },
  };
}

describe('toDiagnostic', () => {
  it('strips colour codes', () => {
    const d = toDiagnostic(message(`${ESC}[31mExpected ";"${ESC}[39m but found ${ESC}[1m"}"${ESC}[22m`, null), '/tmp/s', 'exercises/x.ts');
    expect(d.message).toBe('Expected ";" but found "}"');
  });

  it('shows no escape sequence or control of a message or a file name, so neither can redraw a terminal', () => {
    const d = toDiagnostic(
      message(`bad${ESC}M\rScore: 96 / 96${ESC}]0;owned${String.fromCharCode(7)}`, {
        file: `back\rprop${ESC}]52;c;eA==${String.fromCharCode(7)}.ts`,
        line: 2,
        column: 0,
      }),
      '/tmp/s',
      'exercises/x.ts',
    );
    expect(d.message).toBe('bad\\u000DScore: 96 / 96');
    expect(d.file).toBe('exercises/back\\u000Dprop.ts');
  });

  it('shows files as exercises/<relative path>, never the temporary folder', () => {
    expect(displayPath('/tmp/job-1/sub', '/tmp/job-1/sub/backprop.ts')).toBe('exercises/backprop.ts');
    expect(displayPath('/tmp/job-1/sub', 'internal/shapes.ts')).toBe('exercises/internal/shapes.ts');
    expect(displayPath('/tmp/job-1/sub', '/work/exercises/types.ts')).toBe('exercises/types.ts');
  });

  it('makes line and column 1-based and keeps only plain text', () => {
    const d = toDiagnostic(message(`${ESC}[1mUnexpected ";"${ESC}[0m`, { file: 'backprop.ts', line: 3, column: 0 }), '/tmp/s', 'exercises/x.ts');
    expect(d).toEqual({ file: 'exercises/backprop.ts', line: 3, column: 1, message: 'Unexpected ";"' });
    expect(formatDiagnostic(d)).toBe('exercises/backprop.ts:3:1 Unexpected ";"');
  });

  it('falls back to the module file when esbuild gives no location', () => {
    expect(toDiagnostic(message('boom', null), '/tmp/s', 'exercises/forward.ts')).toEqual({
      file: 'exercises/forward.ts',
      line: 1,
      column: 1,
      message: 'boom',
    });
  });

  it('drops repeated diagnostics', () => {
    const d = { file: 'exercises/a.ts', line: 1, column: 2, message: 'm' };
    expect(uniqueDiagnostics([d, { ...d }, { ...d, line: 2 }])).toEqual([d, { ...d, line: 2 }]);
  });
});
