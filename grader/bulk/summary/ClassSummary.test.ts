import { beforeAll, expect, test } from 'vitest';
import { sampleResults } from '../../course/report/fixtures/sample-results.ts';
import { loadTestManifest } from '../../manifest/testing/testManifest.ts';
import type { Manifest } from '../../manifest/types.ts';
import type { ResultsDocument, TestResult } from '../../results/types.ts';
import type { GradebookRow } from '../types.ts';
import { buildSummaryView } from './buildSummaryView.ts';
import { ClassSummary } from './ClassSummary.ts';

let manifest: Manifest;
beforeAll(async () => {
  manifest = await loadTestManifest();
});

const row = (student: string): GradebookRow => ({
  student,
  score: 90,
  max: 100,
  rawScore: 90,
  tasks: {},
  status: 'graded',
  message: null,
  late: { kind: 'unknown', reason: 'no deadline was set' },
  commit: null,
  taken: null,
  dirty: null,
  passedOver: null,
  notOnRoster: null,
  entryKind: 'folder',
  reportPath: null,
  identity: null,
  gradedAs: null,
});

/** sampleResults with every test passed, and these carried forward from a wrong upstream function */
function withCarried(carried: Record<string, { function: string; upstream: string }>): ResultsDocument {
  const tests = sampleResults.tests.map((t): TestResult => {
    const note = carried[t.id];
    const passed: TestResult = { ...t, status: 'passed', earned: t.possible };
    delete passed.message;
    return note ? { ...passed, carriedForward: { ...note, wrongAt: `${note.upstream}(1) returned 2, expected 1` } } : passed;
  });
  return { ...sampleResults, tests };
}

test('counts each wrong upstream function once per student, with the functions that kept their points on it, and no failed test for them', () => {
  const ids = sampleResults.tests.map((t) => t.id);
  const summary = new ClassSummary(manifest);
  summary.add(row('ann'), withCarried({ [ids[0]]: { function: 'backward', upstream: 'forward' }, [ids[1]]: { function: 'mseLoss', upstream: 'forward' } }));
  summary.add(row('bo'), withCarried({ [ids[2]]: { function: 'backward', upstream: 'forward' }, [ids[3]]: { function: 'train', upstream: 'sgdStep' } }));
  summary.add(row('cy'), withCarried({}));
  expect(summary.rootCauses.get('forward')?.students).toBe(2);
  expect(Object.fromEntries(summary.rootCauses.get('forward')!.kept)).toEqual({ backward: 2, mseLoss: 1 });
  expect(summary.rootCauses.get('sgdStep')?.students).toBe(1);
  expect(summary.tests.size).toBe(0);
  const view = buildSummaryView(summary, new Date('2026-03-01T00:00:00Z'));
  expect(view.rootCauses).toEqual([
    { upstream: 'forward', studentsText: '2 students', keptText: 'backward (2), mseLoss (1)' },
    { upstream: 'sgdStep', studentsText: '1 student', keptText: 'train (1)' },
  ]);
});
