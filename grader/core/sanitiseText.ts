// The one sanitiser for text that came from a submission: error messages,
// values, names and file names. Whatever reaches an instructor's terminal, a
// CI log, a report or a spreadsheet passes through here first, so a
// submission cannot redraw the screen (ESC M, `\r`), set the window title
// (OSC 0), fill the clipboard (OSC 52) or reorder what is read (bidi
// overrides).
//
// The rule, in order:
//  1. Every escape sequence introduced by ESC is removed whole: CSI
//     (`ESC [` … final byte, colours included), the strings OSC, DCS, SOS, PM
//     and APC (up to BEL, `ESC \` or U+009C, or to the end of the text when
//     unterminated, as a terminal would swallow it), nF sequences
//     (`ESC ( B`) and single-character ones (`ESC M`, `ESC 7`, `ESC c`).
//     Removed rather than shown because Vitest colours its own messages.
//  2. CRLF becomes LF (a Windows line break, not a redraw).
//  3. Every other control is shown literally as `\uXXXX` (its code in four
//     upper-case hex digits): C0 controls except `\n` and `\t`, a lone ESC,
//     DEL, the C1 controls U+0080–U+009F, and the bidi controls U+061C,
//     U+200E, U+200F, U+202A–U+202E and U+2066–U+2069. So `\r` reads `\u000D`.
//  With `singleLine` (names, file names, one-line fields) `\n` and `\t` are
//  shown the same way.

export interface SanitiseOptions {
  /** show `\n` and `\t` as `\u000A` and `\u0009` too (for names and one-line fields) */
  singleLine?: boolean;
}

/** Anything that may need work; text without it is returned as it is. */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const SUSPECT_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const ESC = 0x1b;
const BEL = 0x07;
const ST_C1 = 0x9c;
/** the characters after ESC that open a string ended by ST: OSC `]`, DCS `P`, SOS `X`, PM `^`, APC `_` */
const STRING_OPENERS = new Set([0x5d, 0x50, 0x58, 0x5e, 0x5f]);

/** `text` with escape sequences removed and every other control made visible (see the rule above). */
export function sanitiseText(text: string, options: SanitiseOptions = {}): string {
  if (!(options.singleLine ? SUSPECT_SINGLE_LINE : SUSPECT).test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === ESC) {
      const end = escapeSequenceEnd(text, i);
      if (end === null) {
        out += visible(code);
        i += 1;
      } else {
        i = end;
      }
      continue;
    }
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a && !options.singleLine) {
      i += 1;
      continue;
    }
    out += needsShowing(code, options) ? visible(code) : text[i];
    i += 1;
  }
  return out;
}

/**
 * Every string in `value`, however deep in plain objects and arrays,
 * sanitised; other objects (class instances such as SVG markup) are kept as
 * they are. For views handed to a renderer, so no field is forgotten.
 */
export function sanitiseStrings<T>(value: T, options: SanitiseOptions = {}): T {
  if (typeof value === 'string') return sanitiseText(value, options) as T;
  if (Array.isArray(value)) return value.map((item) => sanitiseStrings(item, options)) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = sanitiseStrings(item, options);
    return copy as T;
  }
  return value;
}

function needsShowing(code: number, options: SanitiseOptions): boolean {
  if (code === 0x0a || code === 0x09) return options.singleLine === true;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function visible(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where the escape sequence starting at `start` (an ESC) ends, or null when the ESC opens none. */
function escapeSequenceEnd(text: string, start: number): number | null {
  const next = text.charCodeAt(start + 1);
  if (Number.isNaN(next)) return null;
  if (next === 0x5b) {
    // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E
    let i = start + 2;
    while (inRange(text.charCodeAt(i), 0x30, 0x3f)) i += 1;
    while (inRange(text.charCodeAt(i), 0x20, 0x2f)) i += 1;
    return inRange(text.charCodeAt(i), 0x40, 0x7e) ? i + 1 : i;
  }
  if (STRING_OPENERS.has(next)) {
    for (let i = start + 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === BEL || c === ST_C1) return i + 1;
      if (c === ESC) return text.charCodeAt(i + 1) === 0x5c ? i + 2 : i;
    }
    return text.length;
  }
  if (inRange(next, 0x20, 0x2f)) {
    // nF: intermediate bytes, then one final byte 0x30–0x7E
    let i = start + 1;
    while (inRange(text.charCodeAt(i), 0x20, 0x2f)) i += 1;
    return inRange(text.charCodeAt(i), 0x30, 0x7e) ? i + 1 : i;
  }
  if (inRange(next, 0x30, 0x7e)) return start + 2;
  return null;
}

function inRange(code: number, low: number, high: number): boolean {
  return code >= low && code <= high;
}
