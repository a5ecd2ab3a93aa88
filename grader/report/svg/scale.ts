// Linear and logarithmic scales with "nice" ticks, deterministic to the digit.
import { formatNumber } from '../../core/formatValue.ts';

export interface Scale {
  kind: 'linear' | 'log';
  /** data value to pixel */
  map(value: number): number;
  ticks: number[];
  domain: [number, number];
}

/** Rounds pixel coordinates so the markup is stable: 2 decimals, no `-0`. */
export function px(value: number): string {
  const r = Math.round(value * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** Tick values 1, 2 or 5 times a power of ten, covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  if (!(hi > lo)) return [lo];
  const rawStep = (hi - lo) / target;
  const power = Math.pow(10, Math.floor(Math.log10(rawStep)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rawStep) ?? 10 * power;
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) {
    const t = Number((i * step).toPrecision(12));
    ticks.push(t === 0 ? 0 : t);
  }
  return ticks;
}

/** Extends [lo, hi] by a margin, or to a unit-wide band when flat. */
export function padDomain(lo: number, hi: number, margin = 0.08): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  if (hi - lo < 1e-12) return [lo - 1, hi + 1];
  const m = (hi - lo) * margin;
  return [lo - m, hi + m];
}

/** Most labelled decades on a log axis. */
const MAX_LOG_TICKS = 6;

/** A scale from `domain` onto the pixel `range` (which may run downwards). */
export function makeScale(kind: 'linear' | 'log', domain: [number, number], range: [number, number]): Scale {
  const [r0, r1] = range;
  if (kind === 'log') {
    const l0 = Math.log10(domain[0]);
    const l1 = Math.log10(domain[1]);
    const first = Math.ceil(l0 - 1e-9);
    const last = Math.floor(l1 + 1e-9);
    // a tick every `step` decades, so a loss that grew from 1 to 1e169 gets a handful of labels, not 170
    const step = Math.max(1, Math.ceil((last - first + 1) / MAX_LOG_TICKS));
    const ticks: number[] = [];
    for (let p = Math.ceil(first / step) * step; p <= last; p += step) ticks.push(Number(`1e${p}`));
    return {
      kind,
      domain,
      ticks: ticks.length >= 2 ? ticks : [domain[0], domain[1]],
      map: (v) => r0 + ((Math.log10(Math.max(v, domain[0])) - l0) / (l1 - l0 || 1)) * (r1 - r0),
    };
  }
  const [d0, d1] = domain;
  return {
    kind,
    domain,
    ticks: niceTicks(d0, d1),
    map: (v) => r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0),
  };
}

/**
 * An axis tick's label: the report's number format (core/formatValue.ts), in
 * exponent form for very large or small values. A tick is a place on the
 * axis, not a value anyone computed, so a tick at -0 is the tick at 0; a
 * value drawn at a place (a sample's x) is written with formatNumber itself.
 */
export function tickLabel(value: number): string {
  if (value === 0) return formatNumber(0);
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(0).replace('e+', 'e');
  return formatNumber(value);
}
