// One test's feedback as plain text, the same for every platform: why it
// did not pass, the student's value beside the expected one, how to replay a
// property's counterexample, and the hint.
import type { TestResult } from '../results/types.ts';

const MAX_VALUE_CHARS = 400;

export function testOutput(test: TestResult, maxChars = 4000): string {
  const lines: string[] = [];
  if (test.status !== 'passed') {
    lines.push(`${test.status}: ${test.message ?? 'did not pass'}`);
    if (test.observed) lines.push(`yours: ${show(test.observed.actual)}`, `expected: ${show(test.observed.expected)}`);
    if (test.counterexample) lines.push(`counterexample: ${test.counterexample.value}`, `replay: ${test.counterexample.replay}`);
    if (test.hint) lines.push(`hint: ${test.hint}`);
  }
  const text = lines.join('\n');
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length <= MAX_VALUE_CHARS ? text : `${text.slice(0, MAX_VALUE_CHARS - 1)}…`;
}

/** One line for the whole submission: the score, or why grading did not complete. */
export function outcomeLine(doc: { outcome: { kind: string; message?: string }; score: { earned: number; possible: number } }): string {
  const score = `relu-lab: ${doc.score.earned} / ${doc.score.possible}`;
  return doc.outcome.kind === 'graded' ? score : `${score}. ${doc.outcome.message ?? doc.outcome.kind}`;
}
