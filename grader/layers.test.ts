// The layer rule (tooling/layers.js, run by `npm run lint`) refuses what it
// should: each case lints a few lines of source as if they were a file at the
// given path, with the project's own ESLint configuration, and reads what the
// rule says. The imported files are real ones, so the rule has to resolve
// imports written with their `.ts` extension to decide.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer rules' messages for `code` placed at `path` (from the repository's root). */
async function layerMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layer rule', () => {
  it('refuses an import of a higher layer: the engine may not import bulk', async () => {
    const messages = await layerMessages('grader/engine/__upward.ts', "import { runBulk } from '../bulk/runBulk.ts';\nexport const upward = runBulk;\n");
    expect(messages).toEqual([expect.stringMatching(/^boundaries\/dependencies: layers: engine may not import bulk \(\.\.\/bulk\/runBulk\.ts\)/)]);
  });

  it('allows an import of a lower layer: the engine may import core', async () => {
    expect(
      await layerMessages('grader/engine/__downward.ts', "import { ReluLabError } from '../core/errors.ts';\nexport const downward = ReluLabError;\n"),
    ).toEqual([]);
  });

  it('keeps the course, the reference and the starter files out of the engine and the sandbox', async () => {
    const course = await layerMessages('grader/engine/__course.ts', "import { assignment } from '../course/assignment.ts';\nexport const a = assignment;\n");
    const reference = await layerMessages(
      'grader/sandbox/__reference.ts',
      "import * as reference from '../../solutions/activations.ts';\nexport const r = reference;\n",
    );
    const types = await layerMessages(
      'grader/results/__types.ts',
      "import type * as contract from '../../exercises/types.ts';\nexport type C = typeof contract;\n",
    );
    expect(course).toEqual([expect.stringContaining('engine may not import course')]);
    expect(reference).toEqual([expect.stringContaining('sandbox may not import solutions')]);
    expect(types).toEqual([expect.stringContaining('results may not import exercises')]);
  });

  it('lets the CLI import the course', async () => {
    expect(await layerMessages('grader/cli/__course.ts', "import { assignment } from '../course/assignment.ts';\nexport const a = assignment;\n")).toEqual([]);
  });

  it('lets the assignment interface name harness types, but not run harness code', async () => {
    const typeOnly = await layerMessages(
      'grader/assignment/__types.ts',
      "import type { StudentCode } from '../harness/StudentCode.ts';\nexport type S = StudentCode;\n",
    );
    const value = await layerMessages('grader/assignment/__value.ts', "import * as harness from '../harness/StudentCode.ts';\nexport const h = harness;\n");
    expect(typeOnly).toEqual([]);
    expect(value).toEqual([expect.stringContaining('assignment may not import harness')]);
  });

  it('lets a test import the reference, but not a higher layer', async () => {
    const reference = await layerMessages(
      'grader/sandbox/__x.test.ts',
      "import * as reference from '../../solutions/activations.ts';\nexport const r = reference;\n",
    );
    const upward = await layerMessages('grader/sandbox/__y.test.ts', "import { runBulk } from '../bulk/runBulk.ts';\nexport const b = runBulk;\n");
    expect(reference).toEqual([]);
    expect(upward).toEqual([expect.stringContaining('sandbox may not import bulk')]);
  });

  it('keeps test helpers out of code that ships', async () => {
    const messages = await layerMessages('grader/sandbox/__helper.ts', "import * as helper from './testing/makeSubmission.ts';\nexport const h = helper;\n");
    expect(messages).toEqual([expect.stringContaining('only tests may import a test helper')]);
  });

  it('refuses a grader file in a folder that is in no layer', async () => {
    const messages = await layerMessages('grader/elsewhere/__lost.ts', 'export const lost = 1;\n');
    expect(messages).toEqual([expect.stringMatching(/^boundaries\/no-unknown-files:/)]);
  });
});
