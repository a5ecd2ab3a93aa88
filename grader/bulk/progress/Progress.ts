// Progress of a bulk run: a bar redrawn in place with counts, rate and ETA
// on a terminal; one plain line per student otherwise (CI logs). A
// student's id and detail may come from their files (an archive's entry
// names, what their code threw): each is sanitised to one line
// (core/sanitiseText.ts), so it cannot redraw the bar or forge a line.
import { sanitiseText } from '../../core/sanitiseText.ts';

export type ProgressKind = 'graded' | 'skipped' | 'not-graded' | 'error';

export interface ProgressOptions {
  mode: 'bar' | 'lines';
  total: number;
  write: (text: string) => void;
  /** columns of the terminal, for the bar */
  width?: number;
  now?: () => number;
}

const BAR_CELLS = 24;
const REDRAW_MS = 100;

export class Progress {
  private done = 0;
  private readonly counts: Record<ProgressKind, number> = { graded: 0, skipped: 0, 'not-graded': 0, error: 0 };
  private readonly started: number;
  private lastDraw = 0;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** One student finished (`detail` is their score or why not). */
  tick(id: string, kind: ProgressKind, detail: string): void {
    this.done += 1;
    this.counts[kind] += 1;
    if (this.options.mode === 'lines') {
      const width = String(this.options.total).length;
      const shown = (text: string) => sanitiseText(text, { singleLine: true });
      this.options.write(
        `[${String(this.done).padStart(width)}/${this.options.total}] ${shown(id)} ${kind}: ${shown(detail)}${this.eta() ? ` (ETA ${this.eta()})` : ''}\n`,
      );
    } else if (this.now() - this.lastDraw >= REDRAW_MS || this.done === this.options.total) {
      this.draw();
    }
  }

  /** Ends the bar's line, or prints a last line. */
  finish(): void {
    if (this.options.mode === 'bar') {
      this.draw();
      this.options.write('\n');
    }
  }

  /** The counts as one line: `12/200 graded 10, errors 1, ...`. */
  line(): string {
    const { graded, skipped, error } = this.counts;
    const seconds = (this.now() - this.started) / 1000;
    const rate = seconds > 0 ? (graded + error) / seconds : 0;
    const parts = [
      `${this.done}/${this.options.total}`,
      `graded ${graded}`,
      `errors ${error}`,
      `not graded ${this.counts['not-graded']}`,
      `skipped ${skipped}`,
      `${rate.toFixed(2)}/s`,
    ];
    const eta = this.eta();
    if (eta) parts.push(`ETA ${eta}`);
    return parts.join('  ');
  }

  private draw(): void {
    this.lastDraw = this.now();
    const filled = this.options.total === 0 ? BAR_CELLS : Math.round((BAR_CELLS * this.done) / this.options.total);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
    const text = `${bar} ${this.line()}`;
    const width = this.options.width ?? 120;
    this.options.write(`\r\x1b[2K${text.length > width - 1 ? text.slice(0, width - 1) : text}`);
  }

  private eta(): string | null {
    const worked = this.counts.graded + this.counts.error;
    const left = this.options.total - this.done;
    if (worked === 0 || left === 0) return null;
    const perStudent = (this.now() - this.started) / worked;
    return duration(left * perStudent);
  }
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
