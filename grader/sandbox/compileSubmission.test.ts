import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { isReluLabError } from '../core/errors.ts';
import { compileSubmission } from './compileSubmission.ts';
import { makeSubmission, referenceText, type TestSubmission } from './testing/makeSubmission.ts';

const made: TestSubmission[] = [];
async function submission(files: Record<string, string | null> = {}): Promise<TestSubmission> {
  const s = await makeSubmission(files);
  made.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((s) => s.cleanup()));
});

const ESC = String.fromCharCode(27);
/** the ReLU course's modules: the submissions here are made from its reference */
const MODULES = assignment.modules.map((m) => m.name);

describe('compileSubmission', () => {
  it('compiles the reference as it is in solutions/, importing ../exercises/types.ts', async () => {
    const s = await submission();
    const result = await compileSubmission(path.join(PACKAGE_ROOT, 'solutions'), s.codeDir, MODULES);
    expect(result.diagnostics).toEqual([]);
    for (const name of MODULES) {
      expect(result.modules[name]).toEqual({ kind: 'compiled', file: path.join(s.codeDir, `${name}.mjs`) });
    }
    expect(result.files).toContain('internal/shapes.ts');
    expect(Object.keys(result.timings.modules).sort()).toEqual([...MODULES].sort());
    expect(result.timings.totalMs).toBeGreaterThan(0);
  });

  it('bundles each module into one self-contained file', async () => {
    const s = await submission();
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.diagnostics).toEqual([]);
    const backprop = await fs.readFile(path.join(s.codeDir, 'backprop.mjs'), 'utf8');
    expect(backprop).not.toMatch(/^\s*import\s/m);
    expect(backprop).toContain('function zerosLike');
    expect(result.files).toEqual([
      'activations.ts',
      'backprop.ts',
      'claims.ts',
      'dead-neurons.ts',
      'forward.ts',
      'internal/shapes.ts',
      'linearity.ts',
      'training.ts',
      'types.ts',
    ]);
  });

  it('reports a missing module and still compiles the others', async () => {
    const s = await submission({ 'backprop.ts': null, 'training.ts': 'export const sgdStep = 1;\n' });
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    const message = 'exercises/backprop.ts is missing: copy it from the starter and implement it';
    expect(result.modules.backprop).toEqual({ kind: 'missing', diagnostics: [{ file: 'exercises/backprop.ts', line: 1, column: 1, message }] });
    expect(result.modules.training.kind).toBe('compiled');
    expect(result.diagnostics).toEqual([{ file: 'exercises/backprop.ts', line: 1, column: 1, message }]);
  });

  it("names the file a student misnamed (a letter off, another case) in the missing module's message", async () => {
    const s = await submission({ 'activations.ts': null, 'activation.ts': await referenceText('activations.ts'), 'forward.ts': null });
    await fs.writeFile(path.join(s.submissionDir, 'Forward.ts'), await referenceText('forward.ts'));
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.modules.activations).toMatchObject({
      kind: 'missing',
      diagnostics: [
        { message: 'exercises/activations.ts is missing; did you mean exercises/activation.ts? Rename it to activations.ts (file names are case-sensitive)' },
      ],
    });
    expect(result.modules.forward).toMatchObject({ diagnostics: [{ message: expect.stringContaining('did you mean exercises/Forward.ts?') }] });
  });

  it('reports a syntax error as exercises/<file>:line:column without colour codes', async () => {
    const s = await submission({ 'activations.ts': 'export function relu(z: number) {\n  return z > 0 ? z : ;\n}\n' });
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    const compiled = result.modules.activations;
    expect(compiled.kind).toBe('failed');
    if (compiled.kind !== 'failed') return;
    expect(compiled.diagnostics).toHaveLength(1);
    expect(compiled.diagnostics[0]).toMatchObject({ file: 'exercises/activations.ts', line: 2, column: 22 });
    expect(compiled.diagnostics[0].message).toMatch(/Unexpected ";"/);
    expect(JSON.stringify(result)).not.toContain(ESC);
    expect(JSON.stringify(result.diagnostics)).not.toContain(s.root);
    // modules importing the broken file fail too; the flat list names the error once
    expect(result.modules.forward.kind).toBe('failed');
    expect(result.diagnostics).toHaveLength(1);
  });

  it('names an error in a nested file by its path in the submission', async () => {
    const shapes = await referenceText('internal/shapes.ts');
    const s = await submission({ 'internal/shapes.ts': shapes.replace('export function zerosLike', 'export function zerosLike(((') });
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.modules.backprop.kind).toBe('failed');
    expect(result.modules.activations.kind).toBe('compiled');
    expect(result.diagnostics.map((d) => d.file)).toEqual(['exercises/internal/shapes.ts']);
  });

  it('removes a stale bundle when the module no longer compiles', async () => {
    const s = await submission();
    await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    await fs.writeFile(path.join(s.submissionDir, 'claims.ts'), 'export const answers = {;\n');
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.modules.claims.kind).toBe('failed');
    await expect(fs.stat(path.join(s.codeDir, 'claims.mjs'))).rejects.toThrow();
  });

  it('compiles a submission without types.ts against the official types', async () => {
    const s = await submission({
      'types.ts': null,
      'claims.ts':
        "export * from './types.ts';\nimport type { Network } from './types.ts';\nexport const linearExample: Network = { W1: [[1]], b1: [0], W2: [[1]], b2: [0] };\n",
    });
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.diagnostics).toEqual([]);
  });

  it('gives a submission its own types.ts for an import without extension or with .js', async () => {
    const types = "export type Vector = number[];\nexport const OWN_TYPES = 'the student\\'s own';\n";
    const claims = "import { OWN_TYPES } from './types';\nimport { OWN_TYPES as again } from './types.js';\nexport const own = [OWN_TYPES, again];\n";
    const s = await submission({ 'types.ts': types, 'claims.ts': claims });
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.diagnostics).toEqual([]);
    expect(await fs.readFile(path.join(s.codeDir, 'claims.mjs'), 'utf8')).toContain("the student's own");
  });

  it('throws submission-missing for a folder that does not exist', async () => {
    const error = await compileSubmission('/nonexistent/relu-lab/exercises', '/tmp/unused', MODULES).catch((e: unknown) => e);
    expect(isReluLabError(error, 'submission-missing')).toBe(true);
  });
});

describe('compileSubmission refuses imports from outside the submission', () => {
  const refused = async (source: string, importLine: string) => {
    const activations = await referenceText('activations.ts');
    const s = await submission({ 'activations.ts': `// a comment\n\n${importLine}\n${activations}` });
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.modules.activations.kind).toBe('failed');
    expect(result.diagnostics).toEqual([
      { file: 'exercises/activations.ts', line: 3, column: expect.any(Number), message: `imports ${source}: a submission may only import its own files` },
    ]);
    await expect(fs.stat(path.join(s.codeDir, 'activations.mjs'))).rejects.toThrow();
  };

  it('refuses a relative import of the reference', async () => {
    const solutions = path.relative('/tmp/x/exercises', path.join(PACKAGE_ROOT, 'solutions/backprop.ts'));
    await refused(solutions, `import { backward } from '${solutions}';\nexport { backward };`);
  });

  it('refuses `export * from` the reference by absolute path', async () => {
    const file = path.join(PACKAGE_ROOT, 'solutions/activations.ts');
    await refused(file, `export * from '${file}';`);
  });

  it('refuses packages from node_modules', async () => {
    await refused('fast-check', "import fc from 'fast-check';\nexport const fcVersion = fc.__version;");
  });

  it('refuses a file:// URL', async () => {
    await refused('file:///etc/passwd', "import x from 'file:///etc/passwd';\nexport { x };");
  });

  it('refuses a symlink inside the submission that points outside it', async () => {
    const s = await submission();
    await fs.symlink(path.join(PACKAGE_ROOT, 'solutions/backprop.ts'), path.join(s.submissionDir, 'helper.ts'));
    const backprop = await referenceText('backprop.ts');
    await fs.writeFile(path.join(s.submissionDir, 'backprop.ts'), `import * as h from './helper.ts';\nexport const h2 = h;\n${backprop}`);
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'exercises/backprop.ts', line: 1, message: 'imports ./helper.ts: a submission may only import its own files' }),
    ]);
  });

  it('refuses a module file that is itself a symlink to the reference', async () => {
    const s = await submission({ 'forward.ts': null });
    await fs.symlink(path.join(PACKAGE_ROOT, 'solutions/forward.ts'), path.join(s.submissionDir, 'forward.ts'));
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.modules.forward.kind).toBe('failed');
  });

  it('keeps node: built-ins external, for the sandbox to contain', async () => {
    const activations = await referenceText('activations.ts');
    const s = await submission({ 'activations.ts': `import fs from 'node:fs';\nimport os from 'os';\nexport const f = [fs, os];\n${activations}` });
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.diagnostics).toEqual([]);
    const bundle = await fs.readFile(path.join(s.codeDir, 'activations.mjs'), 'utf8');
    expect(bundle).toContain('"node:fs"');
    expect(bundle).toContain('"node:os"');
  });

  it('reports an import of a file the submission does not have', async () => {
    const s = await submission({ 'linearity.ts': "import { x } from './helpers.ts';\nexport const kinks = x;\n" });
    const result = await compileSubmission(s.submissionDir, s.codeDir, MODULES);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'exercises/linearity.ts',
        line: 1,
        message: expect.stringContaining('imports ./helpers.ts, which is not a file of the submission'),
      }),
    ]);
  });
});
