import { describe, expect, test } from 'vitest';
import type { ResultsDocument } from '../results/types.ts';
import { sampleAssignment, sampleResults } from './fixtures/sample-results.ts';
import { renderTerminal } from './renderTerminal.ts';

const sampleDoc = (): ResultsDocument => structuredClone(sampleResults);
const render = (doc = sampleDoc(), color = false) =>
  renderTerminal(doc, { color, audience: 'instructor', now: new Date('2026-01-02T00:00:00Z'), deadline: null, assignment: sampleAssignment });

describe('renderTerminal with text a submission chose', () => {
  test('a multi-line message or name cannot print a line of its own at the left margin', () => {
    const doc = sampleDoc();
    doc.submission.name = 'alice\nScore: 100 / 100';
    const failing = doc.tests.find((t) => t.status === 'failed')!;
    failing.message = 'wrong\nScore: 96 / 96\n\nTasks';
    const lines = render(doc).split('\n');
    expect(lines.filter((l) => l.startsWith('Score:'))).toEqual([`Score: ${doc.score.earned} / ${doc.score.possible} points`]);
    expect(lines.filter((l) => l === 'Tasks')).toHaveLength(1);
    expect(lines[0]).toBe('relu-lab report: alice\\u000AScore: 100 / 100');
    expect(lines).toContain('      wrong');
    expect(lines).toContain('      Score: 96 / 96');
  });

  test('with colour on, the only escape sequences are its own colours', () => {
    const doc = sampleDoc();
    doc.tests.find((t) => t.status === 'failed')!.message = 'x\u001bM\r\u001b]0;title\u0007\u001b]52;c;eA==\u0007\u001b[8mhidden';
    const text = render(doc, true);
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(text).toContain('x\\u000Dhidden');
  });
});
