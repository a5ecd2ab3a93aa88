// One test's feedback as plain text, the same for every platform: why it
// did not pass, the student's value beside the expected one, how to replay a
// property's counterexample, and the hint. Stack frames are left out
// (studentText): a crash reads as its message.
import type { TestResult } from '../results/types.ts';

const MAX_VALUE_CHARS = 400;

// What a student may read of a message: its first lines, without the stack
// frames a crash carries (`    at f (/autograder/source/...)`), which name
// relu-lab's own files and say nothing the student can act on. Each exporter
// keeps the whole text where only instructors look.
const STACK_FRAME = /^\s+at\s+\S/;
const MAX_LINES = 12;

/** `text` without its stack frames, at most 12 lines. */
export function studentText(text: string): string {
  const kept = text.split('\n').filter((line) => !STACK_FRAME.test(line));
  const lines = kept.slice(0, MAX_LINES);
  if (kept.length > MAX_LINES) lines.push(`… (${kept.length - MAX_LINES} more lines)`);
  return lines.join('\n').trimEnd();
}

/** Whether `text` holds a stack trace. */
export function hasStackTrace(text: string): boolean {
  return text.split('\n').some((line) => STACK_FRAME.test(line));
}

export function testOutput(test: TestResult, maxChars = 4000): string {
  const lines: string[] = [];
  if (test.status !== 'passed') {
    lines.push(`${test.status}: ${studentText(test.message ?? 'did not pass')}`);
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
  return doc.outcome.kind === 'graded' ? score : `${score}. ${studentText(doc.outcome.message ?? doc.outcome.kind)}`;
}
