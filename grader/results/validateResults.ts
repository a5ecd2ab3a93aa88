// Checks a results document against grader/schemas/results.schema.json, and
// the few consistency rules a schema cannot state, before anyone relies on it.
import { ReluLabError } from '../core/errors.ts';
import { schemaValidator } from './schemaValidator.ts';
import type { ResultsDocument } from './types.ts';

/** Points are sums of floats: allow rounding when comparing earned with possible. */
const ROUNDING = 1e-9;

/**
 * `doc` as a ResultsDocument when it is one; otherwise throws
 * ReluLabError('results-invalid') listing each problem as `<JSON path>: <reason>`.
 */
export function validateResults(doc: unknown): ResultsDocument {
  const problems = schemaValidator('results')(doc);
  if (problems.length === 0) problems.push(...consistency(doc as ResultsDocument));
  if (problems.length > 0) {
    throw new ReluLabError(
      'results-invalid',
      `The results document is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        'The code that built it must match grader/results/types.ts and grader/schemas/results.schema.json; fix it there.',
    );
  }
  return doc as ResultsDocument;
}

function consistency(doc: ResultsDocument): string[] {
  const problems: string[] = [];
  const overPossible = (where: string, p: { earned: number; possible: number }) => {
    if (p.earned > p.possible + ROUNDING) problems.push(`${where}: earned ${p.earned} is more than possible ${p.possible}`);
  };
  overPossible('/score', doc.score);
  doc.tasks.forEach((t, i) => overPossible(`/tasks/${i}`, t));
  doc.tests.forEach((t, i) => overPossible(`/tests/${i}`, t));

  if (doc.outcome.kind === 'grader-error' && doc.score.earned !== 0) {
    problems.push(`/score/earned: must be 0 when /outcome/kind is "grader-error"`);
  }
  const taskIds = new Set(doc.tasks.map((t) => t.id));
  const testIds = new Set<string>();
  doc.tests.forEach((t, i) => {
    if (testIds.has(t.id)) problems.push(`/tests/${i}/id: "${t.id}" is used by an earlier test; test ids must be unique`);
    testIds.add(t.id);
    if (!taskIds.has(t.task)) problems.push(`/tests/${i}/task: "${t.task}" is not the id of any entry in /tasks`);
  });
  return problems;
}
