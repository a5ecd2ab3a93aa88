import { describe, expect, test } from 'vitest';
import { duration, Progress } from './Progress.ts';

describe('Progress', () => {
  test('without a terminal: one plain line per student with the ETA', () => {
    let t = 0;
    const out: string[] = [];
    const p = new Progress({ mode: 'lines', total: 4, write: (s) => out.push(s), now: () => t });
    t = 2000;
    p.tick('ann', 'graded', '80/100');
    p.tick('bo', 'skipped', 'already graded');
    t = 4000;
    p.tick('cy', 'error', 'worker died');
    p.finish();
    expect(out).toEqual(['[1/4] ann graded: 80/100 (ETA 6s)\n', '[2/4] bo skipped: already graded (ETA 4s)\n', '[3/4] cy error: worker died (ETA 2s)\n']);
    expect(p.line()).toBe('3/4  graded 1  errors 1  not graded 0  skipped 1  0.50/s  ETA 2s');
  });

  test('on a terminal: a bar redrawn in place, at most every 100 ms, ended by a newline', () => {
    let t = 0;
    const out: string[] = [];
    const p = new Progress({ mode: 'bar', total: 2, write: (s) => out.push(s), now: () => t });
    t = 50;
    p.tick('ann', 'graded', '');
    expect(out).toEqual([]);
    t = 200;
    p.tick('bo', 'graded', '');
    p.finish();
    // eslint-disable-next-line no-control-regex -- the bar redraws its line with CR + ESC[2K (erase line), which is what this checks
    expect(out[0]).toMatch(/^\r\x1b\[2K█{24} 2\/2 {2}graded 2/);
    expect(out.at(-1)).toBe('\n');
  });

  test("a student's detail cannot redraw the log or start a line of its own", () => {
    const out: string[] = [];
    const p = new Progress({ mode: 'lines', total: 1, write: (s) => out.push(s), now: () => 0 });
    p.tick('ann', 'not-graded', 'the archive was refused: bad\u001bM\r\u001b]0;t\u0007\n[1/1] ann graded: 100/100');
    expect(out).toEqual(['[1/1] ann not-graded: the archive was refused: bad\\u000D\\u000A[1/1] ann graded: 100/100\n']);
  });

  test('durations read naturally', () => {
    expect([duration(4_400), duration(125_000), duration(3_700_000)]).toEqual(['4s', '2m05s', '1h01m']);
  });
});
