// End to end: a submission that answers calls itself on the sandbox's raw IPC
// channel, with a value 6,000 levels deep. Grading it finishes with
// results.json and report.html written, and in bulk the honest classmate
// graded in the same grading process keeps full marks.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { validateResults } from '../../results/validateResults.ts';
import { assignment } from '../../course/assignment.ts';
import { loadFixtureCorpus, materialiseFixture } from '../../corpus/fixtureCorpus.ts';
import { main } from '../main.ts';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-replies-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const FLOODER = 'forges-deep-reply-through-process-send';
const HONEST = 'passes-all-loops';
const classDir = path.join(root, 'class');

beforeAll(async () => {
  const corpus = await loadFixtureCorpus(assignment);
  for (const name of [FLOODER, HONEST])
    await materialiseFixture(
      corpus.find((f) => f.name === name)!,
      path.join(classDir, name),
    );
});

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), color: false, env: {}, cwd: PACKAGE_ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const readDoc = async (dir: string) => validateResults(JSON.parse(await fs.readFile(path.join(dir, 'results.json'), 'utf8')));

describe('a reply forged 6,000 levels deep on the raw channel', () => {
  test('relu-lab grade finishes, writes results.json and report.html, and charges the forging function', { timeout: 120_000 }, async () => {
    const out = path.join(root, 'graded');
    const { code, stderr } = await run('grade', '--submission', path.join(classDir, FLOODER), '--out', out);
    expect(code, stderr).toBe(0);
    const doc = await readDoc(out);
    expect(doc.outcome.kind).toBe('graded');
    const pattern = doc.tests.find((t) => t.id === 'dead-neurons.activation-pattern-matches-reference')!;
    expect(pattern.status).not.toBe('passed');
    expect(pattern.message).toContain("wrote something to the grader's channel that is not a reply (a message nested more than 72 levels deep)");
    // every check reported: none was lost to a grader that choked on the reply
    expect(doc.tests.filter((t) => t.status === 'not-run')).toEqual([]);
    // functions that never call activationPattern keep their points
    expect(doc.tasks.find((t) => t.id === 'backprop')).toMatchObject({ earned: doc.tasks.find((t) => t.id === 'backprop')!.possible });
    expect((await fs.readFile(path.join(out, 'report.html'), 'utf8')).length).toBeGreaterThan(1_000);
  });

  test('in bulk, the honest classmate graded beside it keeps 100 %', { timeout: 180_000 }, async () => {
    const out = path.join(root, 'bulk');
    const { code, stderr } = await run('bulk', classDir, '--out', out, '--workers', '1');
    expect(code, stderr).toBe(0);
    const honest = await readDoc(path.join(out, HONEST));
    expect(honest.score.earned).toBe(honest.score.possible);
    const flooder = await readDoc(path.join(out, FLOODER));
    expect(flooder.outcome.kind).toBe('graded');
    expect(flooder.score.earned).toBeLessThan(flooder.score.possible);
    await expect(fs.stat(path.join(out, FLOODER, 'report.html'))).resolves.toBeTruthy();
  });
});
