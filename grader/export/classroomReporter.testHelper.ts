// GitHub Classroom's reporter, classroom-resources/autograding-grading-reporter,
// for tests: it is not published on npm, so its scoring is re-implemented
// here exactly from its source at commit
// 43c2d9f524d3c7926caf7cb4fee34200b40b8c26 (src/main.js,
// src/notify-classroom.js, src/console-results.js, src/aggregate-results.js,
// src/helpers/test-helpers.js). Only the arithmetic and the texts are kept;
// colours, emoji lines and the table's borders (cli-table3) are left out.
//
// - main.js: each runner's results are base64 JSON in the variable
//   `${runner.trim().toUpperCase()}_RESULTS`; the job fails ("Some tests
//   failed.") when any runner's status is "fail", else ("Some tests
//   errored.") when any is "error".
// - notify-classroom.js: the notice "Points ${totalPoints}/${maxPoints}"
//   (title "Autograding complete") adds up every test's `score` and every
//   `max_score`, over the runners whose max_score is not 0; nothing when the
//   maximum is 0. A second notice carries JSON { totalPoints, maxPoints }.
// - aggregate-results.js and test-helpers.js: the table has a row
//   [runner, score, max] per runner, score = passed tests / tests × max_score,
//   then ["Total: ", `${sum of scores}`, `${sum of max}`].
// - console-results.js: "Total points for ${runner}: ${score.toFixed(2)}/${max}"
//   for each runner whose max is not 0.
import type { ClassroomResult } from './classroom.ts';

export interface ReporterRun {
  notices: { title: string; text: string }[];
  table: (string | number)[][];
  perRunner: string[];
  /** the message the job fails with, or null when it passes */
  failed: string | null;
}

const getMaxScoreForTest = (results: ClassroomResult) => results.max_score || 0;

const getTestScore = (results: ClassroomResult) => {
  const score = results.tests.reduce((acc, { status }) => (status === 'pass' ? acc + 1 : acc), 0);
  return (score / results.tests.length) * (getMaxScoreForTest(results) || 0);
};

/** What the reporter does with `runners` (its `runners` input) and the environment holding their results. */
export function runReporter(runnersInput: string, env: Record<string, string | undefined>): ReporterRun {
  const runnerResults = runnersInput.split(',').map((runner) => {
    const encoded = env[`${runner.trim().toUpperCase()}_RESULTS`];
    if (encoded === undefined) throw new Error(`no ${runner.trim().toUpperCase()}_RESULTS in the environment`);
    return { runner, results: JSON.parse(Buffer.from(encoded, 'base64').toString('utf-8')) as ClassroomResult };
  });

  // console-results.js
  const perRunner: string[] = [];
  for (const { runner, results } of runnerResults) {
    const maxScore = getMaxScoreForTest(results);
    const score = getTestScore(results);
    if (maxScore !== 0) perRunner.push(`Total points for ${runner}: ${score.toFixed(2)}/${maxScore}`);
  }

  // aggregate-results.js
  const table: (string | number)[][] = [];
  const totals = runnerResults.map(({ runner, results }) => {
    const maxScore = getMaxScoreForTest(results);
    const score = getTestScore(results);
    table.push([runner.trim(), score, maxScore]);
    return { score, maxScore };
  });
  const totalTestScores = totals.reduce((acc, curr) => acc + curr.score, 0);
  const totalMaxScores = totals.reduce((acc, curr) => acc + curr.maxScore, 0);
  table.push(['Total: ', `${totalTestScores}`, `${totalMaxScores}`]);

  // notify-classroom.js
  const notices: { title: string; text: string }[] = [];
  const { totalPoints, maxPoints } = runnerResults.reduce(
    (acc, { results }) => {
      if (!results.max_score) return acc;
      acc.maxPoints += results.max_score;
      results.tests.forEach(({ score }) => {
        acc.totalPoints += score;
      });
      return acc;
    },
    { totalPoints: 0, maxPoints: 0 },
  );
  if (maxPoints) {
    notices.push({ title: 'Autograding complete', text: `Points ${totalPoints}/${maxPoints}` });
    notices.push({ title: 'Autograding report', text: JSON.stringify({ totalPoints, maxPoints }) });
  }

  // main.js
  let failed: string | null = null;
  if (runnerResults.some((r) => r.results.status === 'fail')) failed = 'Some tests failed.';
  else if (runnerResults.some((r) => r.results.status === 'error')) failed = 'Some tests errored.';
  return { notices, table, perRunner, failed };
}
