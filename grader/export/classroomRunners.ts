// relu-lab's score as GitHub Classroom's reporter
// (classroom-resources/autograding-grading-reporter) counts it. The reporter
// totals two ways: its "Points X/Y" notice (what Classroom records) adds up
// every test's `score` and every runner's `max_score`, while its table gives
// each runner passed tests / tests × max_score. One runner holding relu-lab's
// checks with their fractional points would make the two disagree. So every
// runner has one test:
//   <task>   max_score = the points earned in the task, its test passed
//   missed   max_score = the points missed in all, its test failed (passed
//            when nothing was missed), listing the checks that did not pass
// and both totals are relu-lab's score out of relu-lab's maximum, exactly.
// The values are chosen so the reporter's running float sums land on the
// two-decimal totals (no 73.50000000000001): each is the difference between
// the next total and the sum so far, as the reporter will add it.
import type { ResultsDocument } from '../results/types.ts';
import { type ClassroomResult, type ClassroomTest, classroomResult } from './classroom.ts';

export interface ClassroomRunner {
  /** the step output's name and the `runners` entry: letters and digits only, as the reporter's input allows */
  runner: string;
  result: ClassroomResult;
}

/** The runner of a task: the letters and digits of its id, lower case ("dead-neurons" → "deadneurons"). */
export function taskRunnerName(taskId: string): string {
  return taskId.toLowerCase().replace(/[^a-z0-9]/g, '') || 'task';
}

/** The runner that holds the points missed, after the tasks' runners. */
export const MISSED_RUNNER = 'missed';

/** Every runner name, in order: the workflow's `runners` input. */
export function classroomRunnerNames(taskIds: readonly string[]): string[] {
  return [...taskIds.map(taskRunnerName), MISSED_RUNNER];
}

const hundredths = (points: number) => Math.round(points * 100);

/** The double `b` with `acc + b === target` in floating point, nearest to `target - acc`. */
export function fitAddend(acc: number, target: number): number {
  const first = target - acc;
  if (acc + first === target) return first;
  const view = new DataView(new ArrayBuffer(8));
  const step = (x: number, up: boolean): number => {
    if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    view.setBigUint64(0, x > 0 === up ? bits + 1n : bits - 1n);
    return view.getFloat64(0);
  };
  let below = first;
  let above = first;
  for (let i = 0; i < 64; i++) {
    below = step(below, false);
    above = step(above, true);
    if (acc + below === target) return below;
    if (acc + above === target) return above;
  }
  return first;
}

/** `x` moved `n` doubles up (n > 0) or down (n < 0). */
function ulpStep(x: number, n: number): number {
  const view = new DataView(new ArrayBuffer(8));
  let y = x;
  for (let i = 0; i < Math.abs(n); i++) {
    view.setFloat64(0, y);
    const bits = view.getBigUint64(0);
    view.setBigUint64(0, y > 0 === n > 0 ? bits + 1n : bits - 1n);
    y = view.getFloat64(0);
  }
  return y;
}

/**
 * Addends for amounts in hundredths whose running float sum, added in order
 * from 0, ends exactly on the total's double (and on each prefix's where it
 * can). When the last step cannot land (a tie the sum rounds away from), the
 * addend before it is moved a few doubles so that it can. Amounts of 0 stay 0.
 */
export function fitAddends(amounts: readonly number[]): number[] {
  const addends: number[] = [];
  let acc = 0;
  let sum = 0;
  for (const amount of amounts) {
    sum += amount;
    const b = amount === 0 ? 0 : fitAddend(acc, sum / 100);
    addends.push(b);
    acc += b;
  }
  const total = sum / 100;
  if (acc === total) return addends;
  const nonZero = addends.flatMap((b, i) => (b !== 0 ? [i] : []));
  if (nonZero.length < 2) return addends;
  const [before, last] = nonZero.slice(-2);
  for (let j = 1; j <= 64; j++) {
    for (const n of [j, -j]) {
      const tried = [...addends];
      tried[before] = ulpStep(addends[before], n);
      const upTo = tried.slice(0, last).reduce((a, b) => a + b, 0);
      tried[last] = fitAddend(upTo, total);
      if (tried.reduce((a, b) => a + b, 0) === total) return tried;
    }
  }
  return addends;
}

/** A task as the manifest has it: its id, title and exercise file. */
export interface RunnerTask {
  id: string;
  title: string;
  file: string;
}

/**
 * The runners of a grader output (`relu-lab ci`'s classroom.json, or
 * classroomResult of a results document): a test counts for the task whose
 * file it names (one naming none, such as the note on withheld checks, counts
 * with the last task), and everything not earned of `max_score` is missed.
 */
export function classroomRunners(graded: ClassroomResult, tasks: readonly RunnerTask[]): ClassroomRunner[] {
  const files = new Set(tasks.map((t) => t.file));
  const possible = hundredths(graded.max_score);
  const runners: ClassroomRunner[] = [];
  let earnedSoFar = 0; // hundredths
  let scoreSum = 0; // the reporter's running sum, as a float
  const test = (name: string, status: ClassroomTest['status'], score: number, file: string, listed = ''): ClassroomTest => ({
    name,
    status,
    score,
    message: '',
    // the reporter prints test_code under each test
    test_code: listed,
    filename: file,
    line_no: 0,
    duration: 0,
  });
  const perTask = tasks.map((task, i) => {
    const last = i === tasks.length - 1;
    return graded.tests.filter((t) => t.filename === task.file || (last && !files.has(t.filename)));
  });
  const amounts: number[] = [];
  for (const tests of perTask) {
    const earned = Math.min(
      possible - earnedSoFar,
      tests.reduce((sum, t) => sum + hundredths(t.score), 0),
    );
    earnedSoFar += earned;
    amounts.push(earned);
  }
  const addends = fitAddends(amounts);
  tasks.forEach((task, i) => {
    const tests = perTask[i];
    const passed = tests.filter((t) => t.status === 'pass').length;
    const max = addends[i];
    scoreSum += max;
    const status = amounts[i] > 0 ? 'pass' : 'fail';
    runners.push({
      runner: taskRunnerName(task.id),
      result: {
        version: 1,
        status,
        max_score: max,
        tests: [test(`${task.title}: ${amounts[i] / 100} points (${passed} of ${tests.length} checks passed)`, status, max, task.file)],
      },
    });
  });
  // the reporter adds every max_score, the earned ones included: the missed points complete relu-lab's maximum
  const missedMax = fitAddend(scoreSum, possible / 100);
  const notPassed = graded.tests.filter((t) => t.status !== 'pass');
  const missedStatus = missedMax > 0 ? 'fail' : 'pass';
  runners.push({
    runner: MISSED_RUNNER,
    result: {
      version: 1,
      status: missedStatus,
      max_score: missedMax,
      tests: [
        test(
          missedMax > 0 ? `${(possible - earnedSoFar) / 100} points missed (${notPassed.length} checks did not pass)` : 'nothing missed',
          missedStatus,
          0,
          '',
          notPassed.map((t) => `${t.status}: ${t.name}`).join('\n'),
        ),
      ],
    },
  });
  if (graded.status === 'error') for (const r of runners) r.result.status = 'error';
  return runners;
}

/** The runners of a results document (bulk, or a CI run that wrote results.json). */
export function classroomRunnersOf(doc: ResultsDocument): ClassroomRunner[] {
  return classroomRunners(
    classroomResult(doc),
    doc.tasks.map((t) => ({ id: t.id, title: t.title, file: t.file })),
  );
}

/** The lines to append to $GITHUB_OUTPUT: each runner's result, base64 as the reporter reads `<RUNNER>_RESULTS`. */
export function classroomRunnerOutputs(runners: readonly ClassroomRunner[]): string {
  return runners.map((r) => `${r.runner}=${Buffer.from(JSON.stringify(r.result), 'utf8').toString('base64')}\n`).join('');
}
