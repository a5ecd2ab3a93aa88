// Plain data as short text a student reads: in failure messages, in reports,
// in the class summary. One rule everywhere: numbers to 6 significant digits
// (whole numbers below 1e15 in full), -0 written as -0 because several
// checks turn on it, NaN and ±Infinity by name; long values cut where the
// limit falls, without writing the rest out first (a flooding reply may hold
// millions of values).

/** Characters past which formatValue cuts a value. */
export const MAX_VALUE_CHARS = 1200;

/** A number: 6 significant digits, whole numbers below 1e15 in full, -0 as -0, NaN and ±Infinity by name. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(6)));
}

/**
 * Any value (number, array, network, string) as compact text of at most
 * `max` characters; a value cut short ends in `…`, and says how many items
 * the array it was cut in holds.
 */
export function formatValue(value: unknown, max = MAX_VALUE_CHARS): string {
  const text = new BoundedText(max);
  render(value, text, new Set());
  return text.result();
}

/** `backward(net, X, Y)` with the arguments written out, each cut at `maxPerArg` characters. */
export function formatCall(name: string, args: readonly unknown[], maxPerArg = 200): string {
  return `${name}(${args.map((a) => formatValue(a, maxPerArg)).join(', ')})`;
}

/** Text that stops growing at `max` characters, remembering the array it was in when it stopped. */
class BoundedText {
  private readonly parts: string[] = [];
  private length = 0;
  /** the arrays being written, innermost last */
  readonly open: unknown[][] = [];
  /** the length of the innermost array when the text was cut, or -1 when it was not in one; null until cut */
  private cutIn: number | null = null;

  constructor(private readonly max: number) {}

  get full(): boolean {
    return this.cutIn !== null;
  }

  write(s: string): void {
    if (this.full) return;
    if (this.length + s.length > this.max) {
      this.parts.push(s.slice(0, this.max - this.length));
      this.cutIn = this.open.at(-1)?.length ?? -1;
      return;
    }
    this.parts.push(s);
    this.length += s.length;
  }

  result(): string {
    const text = this.parts.join('');
    if (this.cutIn === null) return text;
    return this.cutIn < 0 ? `${text}…` : `${text}… (an array of ${this.cutIn} ${this.cutIn === 1 ? 'item' : 'items'})`;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function render(value: unknown, out: BoundedText, seen: Set<unknown>): void {
  if (typeof value === 'number') return out.write(formatNumber(value));
  if (typeof value === 'string') return out.write(JSON.stringify(value));
  if (typeof value === 'bigint') return out.write(`${value}n`);
  // a function's source is not data: its name is enough (an rng passed to a student function)
  if (typeof value === 'function') return out.write(`[function ${value.name || 'anonymous'}]`);
  if (value === null || typeof value !== 'object') return out.write(String(value));
  if (seen.has(value)) return out.write('[circular]');
  seen.add(value);
  if (Array.isArray(value)) {
    out.open.push(value);
    out.write('[');
    for (let i = 0; i < value.length && !out.full; i++) {
      if (i > 0) out.write(', ');
      render(value[i], out, seen);
    }
    out.write(']');
    out.open.pop();
  } else {
    const entries = Object.entries(value);
    out.write(entries.length === 0 ? '{' : '{ ');
    for (let i = 0; i < entries.length && !out.full; i++) {
      const [k, v] = entries[i];
      out.write(`${i > 0 ? ', ' : ''}${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: `);
      render(v, out, seen);
    }
    out.write(entries.length === 0 ? '}' : ' }');
  }
  seen.delete(value);
}
