// The replays of real failures, pasted and run: a few planted mistakes of the
// course's corpus are graded (relu-lab grade, as a student runs it), each
// failing check's snippet is pasted into a test file beside the fixture's own
// files, and Vitest runs it there and beside the reference. A replay must fail
// on the mistake and pass on the reference; a snippet that is not a test must
// say so and hold no test. The projects' node_modules is a symlink to this
// project's, so nothing is installed.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { loadFixtureCorpus, materialiseFixture, referenceSubmission } from '../corpus/fixtureCorpus.ts';
import { TEST_MANIFEST_PATH } from '../manifest/testing/testManifest.ts';
import type { ResultsDocument } from '../results/types.ts';
import { replaySnippet } from './replaySnippet.ts';

const run = promisify(execFile);
const FIXTURES = ['fails-relu-grad-at-zero', 'fails-loss-without-half', 'fails-dead-any-not-all'];

interface Replay {
  fixture: string;
  test: string;
  snippet: string;
}

let tmp: string;
const replays: Replay[] = [];
/** Vitest's verdict on each replay, by `<project>/<test title>` */
const verdicts = new Map<string, string>();

/** The snippet's commented imports, as imports (what a student does when pasting it). */
function importsOf(snippet: string): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  for (const m of snippet.matchAll(/^\/\/ {3}import \{ ([^}]+) \} from '\.\/([\w-]+)\.ts';$/gm)) {
    const names = imports.get(m[2]) ?? new Set<string>();
    for (const n of m[1].split(',')) names.add(n.trim());
    imports.set(m[2], names);
  }
  return imports;
}

function testFile(snippets: string[]): string {
  const imports = new Map<string, Set<string>>();
  for (const s of snippets) for (const [module, names] of importsOf(s)) imports.set(module, new Set([...(imports.get(module) ?? []), ...names]));
  return [
    "import { expect, test } from 'vitest';",
    ...[...imports].map(([module, names]) => `import { ${[...names].join(', ')} } from './${module}.ts';`),
    '',
    ...snippets,
    '',
  ].join('\n');
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-replays-'));
  const corpus = await loadFixtureCorpus(assignment);
  const reference = await referenceSubmission(assignment);
  const projects = path.join(tmp, 'projects');
  await fs.mkdir(projects);
  await fs.symlink(path.join(PACKAGE_ROOT, 'node_modules'), path.join(projects, 'node_modules'), 'dir');
  await fs.writeFile(path.join(projects, 'vitest.config.mjs'), "export default { test: { include: ['**/replay.test.ts'] } };\n");

  await Promise.all(
    FIXTURES.map(async (name) => {
      const fixture = corpus.find((f) => f.name === name);
      if (!fixture) throw new Error(`no fixture ${name}`);
      const submission = await materialiseFixture(fixture, path.join(tmp, 'graded', name));
      const out = path.join(tmp, 'out', name);
      await run(process.execPath, [path.join(PACKAGE_ROOT, 'bin/relu-lab.mjs'), 'grade', submission, '--out', out, '--manifest', TEST_MANIFEST_PATH], {
        cwd: tmp,
        env: { ...process.env, NO_COLOR: '1' },
      });
      const doc = JSON.parse(await fs.readFile(path.join(out, 'results.json'), 'utf8')) as ResultsDocument;
      const mine: string[] = [];
      for (const t of doc.tests.filter((x) => x.status !== 'passed')) {
        const task = doc.tasks.find((x) => x.id === t.task)!;
        const snippet = replaySnippet({ test: t, counterexample: t.counterexample, file: task.file, modules: assignment.modules });
        replays.push({ fixture: name, test: t.id, snippet });
        if (snippet.includes('\ntest(')) mine.push(snippet);
      }
      // the same tests beside the fixture's files and beside the reference's
      await fs.cp(submission, path.join(projects, `${name}-fixture`), { recursive: true });
      await fs.mkdir(path.join(projects, `${name}-reference`));
      for (const [rel, text] of reference) {
        await fs.mkdir(path.dirname(path.join(projects, `${name}-reference`, rel)), { recursive: true });
        await fs.writeFile(path.join(projects, `${name}-reference`, rel), text);
      }
      for (const side of ['fixture', 'reference']) await fs.writeFile(path.join(projects, `${name}-${side}`, 'replay.test.ts'), testFile(mine));
    }),
  );

  const report = path.join(tmp, 'vitest.json');
  await run(process.execPath, [path.join(PACKAGE_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`], {
    cwd: projects,
    env: { ...process.env, NO_COLOR: '1', CI: '' },
  }).catch(() => undefined); // failing replays are the point: read the verdicts from the report
  const json = JSON.parse(await fs.readFile(report, 'utf8')) as {
    testResults: { name: string; message?: string; assertionResults: { title: string; status: string }[] }[];
  };
  for (const file of json.testResults) {
    const project = path.basename(path.dirname(file.name));
    if (file.assertionResults.length === 0) verdicts.set(`${project}/(file)`, `did not run: ${file.message ?? ''}`);
    for (const a of file.assertionResults) verdicts.set(`${project}/${a.title}`, a.status);
  }
}, 240_000);

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const titleOf = (snippet: string) => /^test\('((?:[^'\\]|\\.)*)'/m.exec(snippet)![1].replace(/\\(.)/g, '$1');

describe('replays of planted mistakes', () => {
  test.each(FIXTURES)('%s: every replay fails on the mistake and passes on the reference', (name) => {
    const tests = replays.filter((r) => r.fixture === name && r.snippet.includes('\ntest('));
    expect(tests.length, `${name} has no replay that is a test`).toBeGreaterThan(0);
    for (const r of tests) {
      const title = titleOf(r.snippet);
      expect(verdicts.get(`${name}-fixture/${title}`), `${r.test} on ${name}\n${r.snippet}`).toBe('failed');
      expect(verdicts.get(`${name}-reference/${title}`), `${r.test} on the reference\n${r.snippet}`).toBe('passed');
    }
  });

  test('a snippet is a test that asserts, or says it is not one', () => {
    expect(replays.length).toBeGreaterThan(0);
    for (const r of replays) {
      expect(r.snippet).not.toContain('check here');
      if (r.snippet.includes('\ntest(')) expect(r.snippet).toMatch(/\n {2}expect\(/);
      else expect(r.snippet).toMatch(/^\/\/ not a test to paste: /m);
    }
  });

  test('a check of two of the student own functions labels both and calls both', () => {
    const r = replays.find((x) => x.test === 'backprop.numerical-gradient-agrees-with-own-backward');
    expect(r?.snippet).toContain('const yours = backward(net, X, Y);');
    expect(r?.snippet).toContain('const other = numericalGradient(net, X, Y);');
    expect(r?.snippet).toMatch(/\/\/ your backward returned /);
    expect(r?.snippet).toMatch(/\/\/ your numericalGradient returns /);
  });
});
