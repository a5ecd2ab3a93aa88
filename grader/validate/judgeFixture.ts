// Whether grading a fixture produced what its name promises.
import type { ResultsDocument } from '../results/types.ts';
import type { Expectation } from '../corpus/fixtureCorpus.ts';

export type Verdict = { ok: true; detail: string } | { ok: false; detail: string };

const pct = (doc: ResultsDocument) => (doc.score.possible ? (100 * doc.score.earned) / doc.score.possible : 0);

export function judgeFixture(expect: Expectation, doc: ResultsDocument): Verdict {
  const score = `${doc.score.earned}/${doc.score.possible}`;
  if (doc.outcome.kind !== 'graded') return { ok: false, detail: `grading did not complete (${doc.outcome.kind}: ${doc.outcome.message})` };
  switch (expect.kind) {
    case 'full':
      return pct(doc) === 100 ? { ok: true, detail: score } : { ok: false, detail: `${score}, expected full marks; lost: ${lostTests(doc)}` };
    case 'zero':
      return doc.score.earned === 0 ? { ok: true, detail: score } : { ok: false, detail: `${score}, expected 0; earned: ${earnedTests(doc)}` };
    case 'loses': {
      const task = doc.tasks.find((t) => t.id === expect.task);
      if (!task) return { ok: false, detail: `no task ${expect.task} in the results` };
      return task.earned < task.possible
        ? { ok: true, detail: `${score}; ${task.id} ${task.earned}/${task.possible}` }
        : { ok: false, detail: `${score}, but ${task.id} kept all ${task.possible} points` };
    }
    case 'misbehaves': {
      const task = doc.tasks.find((t) => t.id === expect.task);
      const seen = doc.tests.some((t) => t.task === expect.task && t.status === expect.status);
      if (!task || task.earned >= task.possible) return { ok: false, detail: `${score}, but ${expect.task} kept all its points` };
      if (!seen) return { ok: false, detail: `${score}; no ${expect.task} test has status ${expect.status} (${statuses(doc, expect.task)})` };
      return { ok: true, detail: `${score}; ${task.id} ${task.earned}/${task.possible}, ${expect.status}` };
    }
    case 'at-most': {
      const earned = `${pct(doc).toFixed(1)} %`;
      return pct(doc) <= expect.percent
        ? { ok: true, detail: doc.score.earned > 0 ? `${score} (${earned}); earned: ${earnedTests(doc)}` : score }
        : { ok: false, detail: `${score} (${earned}), expected at most ${expect.percent} %; earned: ${earnedTests(doc)}` };
    }
  }
}

const lostTests = (doc: ResultsDocument) =>
  doc.tests
    .filter((t) => t.earned < t.possible)
    .map((t) => `${t.id} (${t.status}: ${t.message ?? ''})`)
    .join('; ');
const earnedTests = (doc: ResultsDocument) =>
  doc.tests
    .filter((t) => t.earned > 0)
    .map((t) => t.id)
    .join(', ');
const statuses = (doc: ResultsDocument, task: string) =>
  doc.tests
    .filter((t) => t.task === task)
    .map((t) => t.status)
    .join(', ');
