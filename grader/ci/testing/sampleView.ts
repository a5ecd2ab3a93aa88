// A small CI view for the output renderers' tests: two tasks, a passing, a
// failing, an erroring and a withheld test, and a compile error.
import type { ResultsDocument, TestResult } from '../../results/types.ts';
import type { GradingMode } from '../GradingSession.ts';
import { ciView, type CiView } from '../outputs/ciView.ts';

const test = (over: Partial<TestResult> & Pick<TestResult, 'id' | 'task' | 'status'>): TestResult => ({
  name: over.id,
  earned: over.status === 'passed' ? (over.possible ?? 2) : 0,
  possible: 2,
  visibility: 'visible',
  hint: 'Look at the slope. See exercises/README.md#1-activations',
  durationMs: 12,
  ...over,
});

export function sampleDoc(): ResultsDocument {
  return {
    schemaVersion: 1,
    grader: { name: 'relu-lab', version: '0.1.0' },
    submission: {
      path: 'exercises',
      name: 'alice',
      contentHash: 'a'.repeat(64),
      files: ['activations.ts', 'backprop.ts'],
      git: { commit: 'c'.repeat(40), author: 'Alice', email: 'alice@example.com', date: '2026-01-01T00:00:00Z', branch: 'main', dirty: false },
    },
    gradedAt: '2026-01-01T00:00:00.000Z',
    seed: 1,
    numRuns: 10,
    outcome: { kind: 'graded' },
    diagnostics: [{ file: 'exercises/backprop.ts', line: 7, column: 3, message: 'Expected ";" but found "}"' }],
    timings: { compileMs: 1, testsMs: 2, totalMs: 3 },
    score: { earned: 2, possible: 10 },
    tasks: [
      { id: 'activations', title: 'Activations', earned: 2, possible: 4, file: 'exercises/activations.ts' },
      { id: 'backprop', title: 'Backprop', earned: 0, possible: 6, file: 'exercises/backprop.ts' },
    ],
    tests: [
      test({ id: 'activations.relu', name: 'relu is max(0, z)', task: 'activations', status: 'passed' }),
      test({
        id: 'activations.relu-grad',
        name: 'reluGrad(0) is 0, not 1',
        task: 'activations',
        status: 'failed',
        message: 'expected 0, got 1\n<script>&"%,:\n::error::x',
      }),
      test({ id: 'backprop.backward', name: 'backward: exact gradients', task: 'backprop', status: 'errored', possible: 4, message: 'backward threw' }),
      test({ id: 'backprop.secret', name: 'a withheld check', task: 'backprop', status: 'failed', visibility: 'hidden', message: 'secret' }),
    ],
  };
}

export const ACTIVATIONS = [
  '// lesson',
  'export function relu(z: number) {',
  '  return 0;',
  '}',
  '',
  'export function reluGrad(z: number) {',
  '  return 1;',
  '}',
].join('\n');

export function sampleView(mode: GradingMode = { kind: 'visible' }, doc: ResultsDocument = sampleDoc()): CiView {
  const functions: Record<string, string> = { 'activations.relu': 'relu', 'activations.relu-grad': 'reluGrad', 'backprop.backward': 'backward' };
  return ciView({
    doc,
    mode,
    functionOf: (t) => functions[t.id] ?? null,
    submissionPath: 'exercises',
    sources: { activations: ACTIVATIONS, backprop: '\n\nexport function backward() {}\n' },
    now: new Date('2026-01-02T00:00:00Z'),
    deadline: null,
  });
}
