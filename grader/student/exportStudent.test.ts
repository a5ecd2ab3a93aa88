// The starter repository students receive holds no reference code, no hidden
// check and no fixture name, anywhere, the bundled CLI included; and the
// same scan does find them in a hidden bundle (so the scan can see a leak).
// Its npm run grade shows the course's experiments, run with the student's
// functions in the sandbox shipped beside the CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { EXPERIMENT_IDS, type Experiment } from '../course/experiments/ExperimentsData.ts';
import { hidden } from '../course/hidden.ts';
import { referenceSubmission } from '../corpus/fixtureCorpus.ts';
import { esbuildBase } from '../bundle/esbuildBase.ts';
import { refuseImports } from '../bundle/refuseImports.ts';
import { packHidden } from '../hiddenBundle/packHidden.ts';
import { type ExportedStarter, exportStudent } from './exportStudent.ts';
import { FORBIDDEN_IN_STARTER, SANDBOX_HOST_FILES } from './buildStudentCli.ts';
import { type Secret, scanForLeaks, secrets } from './leakScan.ts';

let tmp: string;
let starter: ExportedStarter;
let list: Secret[];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-export-test-'));
  starter = await exportStudent(path.join(tmp, 'starter'), assignment);
  list = await secrets(assignment, hidden.checks);
}, 60_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('exportStudent', () => {
  test('lays out the starter: stubs, visible tests, guide, package.json, CI files, the student edition', () => {
    for (const file of [
      'exercises/README.md',
      'exercises/activations.ts',
      'exercises/activations.test.ts',
      'exercises/types.ts',
      'exercises/not-implemented.ts',
      'package.json',
      'vitest.config.ts',
      '.gitignore',
      '.github/workflows/feedback.yml',
      '.gitlab-ci.yml',
      '.relu-lab/relu-lab.mjs',
      '.relu-lab/visible-worker.mjs',
      '.relu-lab/grader/assignment.json',
      '.relu-lab/templates/report.md.hbs',
      '.relu-lab/grader/catalog.json',
      '.relu-lab/check-reporter.mjs',
      '.relu-lab/check.mjs',
      ...SANDBOX_HOST_FILES.map((f) => `.relu-lab/${f}`),
    ]) {
      expect(starter.files).toContain(file);
    }
  });

  test("carries the graded checks' counts and points, and nothing else of them", async () => {
    const catalog = JSON.parse(await fs.readFile(path.join(starter.dir, '.relu-lab/grader/catalog.json'), 'utf8'));
    expect(catalog.checks).toHaveLength(hidden.checks.length);
    for (const c of catalog.checks) expect(Object.keys(c).sort()).toEqual(['points', 'task', 'visibility']);
    const manifest = JSON.parse(await fs.readFile(path.join(starter.dir, '.relu-lab/grader/assignment.json'), 'utf8'));
    const hundredths = (points: { points: number }[]) => points.reduce((sum, c) => sum + Math.round(c.points * 100), 0);
    expect(hundredths(catalog.checks)).toBe(hundredths(manifest.tasks));
  });

  test("package.json runs the visible tests and the self-check, with only the students' packages", async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(starter.dir, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('vitest run');
    expect(pkg.scripts.grade).toBe('node .relu-lab/relu-lab.mjs grade');
    expect(pkg.scripts.check).toBe('node .relu-lab/check.mjs');
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@vitest/ui', 'esbuild', 'fast-check', 'typescript', 'vitest']);
    const own = JSON.parse(await fs.readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.typescript).toBe(own.devDependencies.typescript);
    // npm run check's tsc checks the exercises
    const tsconfig = JSON.parse(await fs.readFile(path.join(starter.dir, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.include).toContain('exercises/**/*.ts');
    expect(pkg.dependencies).toBeUndefined();
  });

  test('refuses a folder that is not empty', async () => {
    await expect(exportStudent(starter.dir, assignment)).rejects.toMatchObject({ code: 'usage' });
  });

  test('bundles no file of the reference, the hidden suite or the instructor tooling', () => {
    const forbidden = starter.cli.inputs.filter((input) =>
      FORBIDDEN_IN_STARTER.some((f) => (f.path.endsWith('/') ? input.startsWith(f.path) : input === f.path)),
    );
    expect(forbidden).toEqual([]);
    expect(starter.files.filter((f) => /(^|\/)(solutions|hidden|fixtures)\//.test(f))).toEqual([]);
  });

  test('the build fails when an import chain reaches the hidden face, a check or the harness', async () => {
    for (const target of ['grader/course/hidden.ts', 'grader/course/checks/activations.ts', 'grader/harness/StudentCode.ts']) {
      const entry = path.join(tmp, `reaches-${path.basename(target)}`);
      await fs.writeFile(entry, `export * from ${JSON.stringify(path.join(PACKAGE_ROOT, target))};\n`);
      const build = esbuild.build({
        ...esbuildBase(PACKAGE_ROOT),
        write: false,
        entryPoints: [entry],
        outdir: path.join(tmp, 'refused'),
        plugins: [refuseImports(PACKAGE_ROOT, FORBIDDEN_IN_STARTER)],
      });
      await expect(build, target).rejects.toThrow(/must not be bundled here/);
    }
  });

  test('contains no hidden check id, name or hint, no fixture name and no reference code, anywhere', async () => {
    expect(list.filter((s) => s.kind === 'reference code').length).toBeGreaterThan(50);
    expect(list.filter((s) => s.kind === 'fixture name').length).toBeGreaterThan(10);
    const leaks = await scanForLeaks(starter.dir, list);
    expect(leaks.map((l) => `${l.file}: ${l.kind}: ${l.text}`)).toEqual([]);
  });

  test('the scan does find every kind of secret in a hidden bundle', async () => {
    const bundle = await packHidden(path.join(tmp, 'hidden'));
    const kinds = new Set((await scanForLeaks(bundle.path, list)).map((l) => l.kind));
    expect([...kinds].sort()).toEqual(['check hint', 'check id', 'check name', 'reference code']);
  }, 60_000);
});

describe("the starter's npm run grade", () => {
  /** A copy of the exported starter with the project's packages, its exercises/ replaced by `files`; then its npm run grade. */
  async function graded(name: string, files: ReadonlyMap<string, string>) {
    const dir = path.join(tmp, name);
    await fs.cp(starter.dir, dir, { recursive: true });
    await fs.symlink(path.join(PACKAGE_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [file, text] of files) {
      await fs.mkdir(path.dirname(path.join(dir, 'exercises', file)), { recursive: true });
      await fs.writeFile(path.join(dir, 'exercises', file), text);
    }
    const run = spawnSync(process.execPath, ['.relu-lab/relu-lab.mjs', 'grade'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const reports = path.join(dir, 'reports/exercises');
    return {
      experiments: (JSON.parse(await fs.readFile(path.join(reports, 'results.json'), 'utf8')).plots?.experiments ?? []) as Experiment[],
      markdown: await fs.readFile(path.join(reports, 'report.md'), 'utf8'),
      html: await fs.readFile(path.join(reports, 'report.html'), 'utf8'),
    };
  }

  test("with the reference's functions: the report shows the five experiments, each run", async () => {
    const { experiments, markdown, html } = await graded('solved', await referenceSubmission(assignment));
    expect(experiments.map((e) => [e.id, e.outcome.kind])).toEqual(EXPERIMENT_IDS.map((id) => [id, 'ran']));
    // the section: one heading per experiment, each its question
    const section = markdown.slice(markdown.indexOf('### Experiments')).split('\n### ')[0];
    expect(section.match(/^#### .+$/gm)).toHaveLength(5);
    expect(section).toContain('#### Is the function relu itself linear? (uses your relu)');
    expect(html).toContain('id="experiments-heading"');
  }, 120_000);

  test('on the untouched stubs: each experiment says which function to implement first', async () => {
    const { experiments, markdown } = await graded('untouched', new Map());
    expect(experiments.map((e) => e.id)).toEqual([...EXPERIMENT_IDS]);
    for (const e of experiments) expect(e.outcome).toMatchObject({ kind: 'blocked', message: expect.stringMatching(/^implement \w+ first/) });
    expect(markdown).toContain('### Experiments');
  }, 120_000);
});
