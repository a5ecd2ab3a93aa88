// The fixture corpus: it loads, its names say what grading must produce, its
// edits apply, and the loader refuses what it cannot use. What each fixture
// does is tested beside it: fixtureBehaviour, fixtureAlternatives and
// fixtureMisbehaviour.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { isReluLabError } from '../core/errors.ts';
import {
  applyEdits,
  fixtureJsonProblems,
  generatedFixture,
  loadFixtureCorpus,
  materialiseFixture,
  referenceSubmission,
  type Fixture,
} from './fixtureCorpus.ts';
import { byName, corpus, course, MODULES, ofKind, useWorkDir } from '../course/testing/corpusIndex.ts';

const workDir = useWorkDir();

/** The prefix a fixture's name must have, by expectation. */
function nameFits(f: Fixture): boolean {
  switch (f.expect.kind) {
    case 'full':
      return /^passes-/.test(f.name);
    case 'zero':
      return f.name === 'stub' || f.name.startsWith('stub-') || f.name.endsWith('-stubs');
    case 'loses':
      return /^(fails-(?!to-compile)|forges-|reads-|prints-)/.test(f.name);
    case 'misbehaves':
      return f.expect.status === 'timed-out' ? /^hangs-/.test(f.name) : /^(exits-|crashes-|exhausts-|fails-to-compile)/.test(f.name);
    case 'at-most':
      return /^vacuous-/.test(f.name);
  }
}

describe('the corpus', () => {
  it('loads, with unique kebab-case names whose prefix states the expectation', () => {
    expect(corpus.length).toBeGreaterThan(0);
    expect(new Set(corpus.map((f) => f.name)).size).toBe(corpus.length);
    for (const f of corpus) {
      expect(f.name, f.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(nameFits(f), `${f.name} does not fit ${JSON.stringify(f.expect)}`).toBe(true);
    }
  });

  it('has at least 32 single mistakes covering every task, three correct alternatives and the stubs', () => {
    const mistakes = ofKind('loses').filter((f) => f.name.startsWith('fails-'));
    expect(mistakes.length).toBeGreaterThanOrEqual(32);
    for (const task of MODULES) {
      expect(
        mistakes.some((f) => f.expect.kind === 'loses' && f.expect.task === task),
        task,
      ).toBe(true);
    }
    expect(ofKind('full').length).toBeGreaterThanOrEqual(3);
    expect(ofKind('full').every((f) => f.source === 'files')).toBe(true);
    expect(ofKind('zero').map((f) => f.name)).toEqual(['untouched-stubs']);
  });

  it('has the misbehaving and cheating submissions', () => {
    const expected: Record<string, Fixture['expect']> = {
      'hangs-forever': { kind: 'misbehaves', status: 'timed-out', task: 'backprop' },
      'hangs-at-import': { kind: 'misbehaves', status: 'timed-out', task: 'training' },
      'exits-during-call': { kind: 'misbehaves', status: 'errored', task: 'backprop' },
      'exits-with-reallyexit': { kind: 'misbehaves', status: 'errored', task: 'linearity' },
      'crashes-at-import': { kind: 'misbehaves', status: 'errored', task: 'dead-neurons' },
      'fails-to-compile': { kind: 'misbehaves', status: 'errored', task: 'forward' },
      'exhausts-memory': { kind: 'misbehaves', status: 'errored', task: 'training' },
      'forges-by-reexporting-reference': { kind: 'loses', task: 'backprop' },
      'forges-from-exercises-folder': { kind: 'loses', task: 'backprop' },
      'reads-the-reference': { kind: 'loses', task: 'backprop' },
      'prints-fake-results': { kind: 'loses', task: 'backprop' },
    };
    for (const [name, expectation] of Object.entries(expected)) expect(byName.get(name)?.expect, name).toEqual(expectation);
  });

  it('applies every edit to text found exactly once, in order', async () => {
    const reference = await referenceSubmission(course);
    for (const f of corpus.filter((f) => f.source === 'edits')) {
      let files = reference;
      f.edits.forEach((edit, i) => {
        const text = files.get(edit.file);
        expect(text, `${f.name} edit ${i}: ${edit.file}`).toBeDefined();
        expect(text!.split(edit.find).length - 1, `${f.name} edit ${i} in ${edit.file}`).toBe(1);
        files = applyEdits(f.name, files, [edit]);
      });
    }
  });

  it('materialises every edited fixture as the reference with a difference only where the edits are', async () => {
    const reference = await referenceSubmission(course);
    for (const f of corpus.filter((f) => f.source === 'edits')) {
      const dir = await materialiseFixture(f, path.join(workDir(), 'edited', f.name));
      const written = await filesIn(dir);
      expect([...written.keys()].sort(), f.name).toEqual([...reference.keys()].sort());
      const changed = [...written].filter(([rel, text]) => reference.get(rel) !== text).map(([rel]) => rel);
      expect(changed.sort(), f.name).toEqual([...new Set(f.edits.map((e) => e.file))].sort());
    }
  });

  it('materialises the reference with its type imports pointed at the copied types.ts', async () => {
    const reference = await referenceSubmission(course);
    expect([...reference.keys()]).toEqual(expect.arrayContaining([...MODULES.map((m) => `${m}.ts`), 'internal/shapes.ts', 'types.ts']));
    expect([...reference.keys()].some((rel) => rel.endsWith('.test.ts') || rel.endsWith('.check.ts'))).toBe(false);
    for (const [rel, text] of reference) expect(text, rel).not.toContain('exercises/types.ts');
    expect(reference.get('backprop.ts')).toContain("from './types.ts'");
    expect(reference.get('internal/shapes.ts')).toContain("from '../types.ts'");
  });

  it('materialises full-file fixtures as their own files plus types.ts', async () => {
    for (const f of corpus.filter((f) => f.source === 'files')) {
      const dir = await materialiseFixture(f, path.join(workDir(), 'files', f.name));
      const written = await filesIn(dir);
      expect([...written.keys()].sort(), f.name).toEqual([...new Set([...f.files, 'types.ts'])].sort());
      expect(written.get('types.ts')).toBe(await readFile(path.join(PACKAGE_ROOT, 'exercises/types.ts'), 'utf8'));
    }
  });

  it('materialises untouched-stubs as a copy of exercises/ today', async () => {
    const dir = await materialiseFixture(byName.get('untouched-stubs')!, path.join(workDir(), 'stubs'));
    const written = await filesIn(dir);
    for (const m of MODULES) {
      expect(written.get(`${m}.ts`), m).toBe(await readFile(path.join(PACKAGE_ROOT, 'exercises', `${m}.ts`), 'utf8'));
    }
    expect([...written.keys()].some((rel) => rel.endsWith('.test.ts'))).toBe(false);
  });

  it('materialises a generated fixture as the stubs with its files written over them', async () => {
    const made = { name: 'gen-x', description: 'd', expect: { kind: 'zero' } as const, files: new Map([['forward.ts', '// made in memory\n']]) };
    const fixture = generatedFixture(course, made);
    expect(fixture).toMatchObject({ name: 'gen-x', source: 'generated', expect: { kind: 'zero' } });
    const written = await filesIn(await materialiseFixture(fixture, path.join(workDir(), 'generated')));
    expect(written.get('forward.ts')).toBe('// made in memory\n');
    for (const m of MODULES.filter((m) => m !== 'forward')) {
      expect(written.get(`${m}.ts`), m).toBe(await readFile(path.join(PACKAGE_ROOT, 'exercises', `${m}.ts`), 'utf8'));
    }
    expect(() => generatedFixture(course, { ...made, name: 'Gen_X' })).toThrow(/generated fixture "Gen_X": its name must be kebab-case/);
  });
});

async function filesIn(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const e of entries.filter((e) => e.isFile())) {
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, file).split(path.sep).join('/'), await readFile(file, 'utf8'));
  }
  return out;
}

describe('the loader refuses what it cannot use', () => {
  async function corpusWith(fixtures: Record<string, Record<string, string>>): Promise<string> {
    const root = await mkdtemp(path.join(workDir(), 'bad-'));
    for (const [name, files] of Object.entries(fixtures)) {
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(root, name, rel)), { recursive: true });
        await writeFile(path.join(root, name, rel), text);
      }
    }
    return root;
  }
  const json = (data: unknown) => JSON.stringify(data);
  const loses = { kind: 'loses', task: 'backprop' };

  async function refusal(root: string): Promise<string> {
    try {
      await loadFixtureCorpus(course, root);
    } catch (e) {
      expect(isReluLabError(e, 'internal'), String(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('the corpus loaded');
  }

  it('an edit whose text is absent, naming fixture and file', async () => {
    const root = await corpusWith({
      'fails-x': { 'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'backprop.ts', find: 'no such text', replace: 'x' }] }) },
    });
    expect(await refusal(root)).toMatch(/fixture fails-x: edit 0 .*backprop\.ts, found it 0 times/);
  });

  it('an edit whose text occurs twice', async () => {
    const root = await corpusWith({
      'fails-x': { 'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'backprop.ts', find: 'mseLoss', replace: 'x' }] }) },
    });
    expect(await refusal(root)).toMatch(/fixture fails-x: .*backprop\.ts, found it \d+ times/);
  });

  it('an edit of a file the reference does not have', async () => {
    const root = await corpusWith({
      'fails-x': { 'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'nowhere.ts', find: 'a', replace: 'b' }] }) },
    });
    expect(await refusal(root)).toMatch(/fixture fails-x: edit 0 names nowhere\.ts/);
  });

  it('a folder without fixture.json, or with broken JSON', async () => {
    expect(await refusal(await corpusWith({ 'fails-x': { 'note.txt': 'x' } }))).toMatch(/fixture fails-x: .*fixture\.json is missing/);
    expect(await refusal(await corpusWith({ 'fails-x': { 'fixture.json': '{ nope' } }))).toMatch(/fixture fails-x: fixture\.json is not valid JSON/);
  });

  it('a name that is not kebab-case', async () => {
    const root = await corpusWith({
      Fails_X: {
        'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'backprop.ts', find: 'return sum / (2 * X.length);', replace: 'return 0;' }] }),
      },
    });
    expect(await refusal(root)).toMatch(/folder name "Fails_X" must be kebab-case/);
  });

  it('a full-file fixture that lacks modules', async () => {
    const root = await corpusWith({ 'passes-x': { 'fixture.json': json({ description: 'd', expect: { kind: 'full' } }), 'activations.ts': '' } });
    expect(await refusal(root)).toMatch(/fixture passes-x [\s\S]*missing forward\.ts, backprop\.ts/);
  });

  it('an edited fixture that also carries .ts files', async () => {
    const root = await corpusWith({
      'fails-x': {
        'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'backprop.ts', find: 'return sum / (2 * X.length);', replace: 'return 0;' }] }),
        'backprop.ts': '',
      },
    });
    expect(await refusal(root)).toMatch(/has no \.ts files of its own, found backprop\.ts/);
  });

  it('fixture.json problems, each with its JSON path', () => {
    expect(fixtureJsonProblems([], MODULES)).toEqual(['/: must be an object']);
    expect(fixtureJsonProblems({ description: '', expect: { kind: 'loses', task: 'nope' }, extra: 1 }, MODULES)).toEqual([
      '/extra: unknown property',
      '/description: must be a non-empty string',
      expect.stringMatching(/^\/expect\/task: must be one of activations, forward/),
    ]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'misbehaves', task: 'forward', status: 'slow' } }, MODULES)).toEqual([
      '/expect/status: must be one of timed-out, errored, got "slow"',
    ]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'full', task: 'forward' } }, MODULES)).toEqual([
      '/expect/task: not allowed for kind "full"',
    ]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'sometimes' } }, MODULES)).toEqual([
      expect.stringMatching(/^\/expect\/kind: must be one of full, zero/),
    ]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'zero' }, edits: [] }, MODULES)).toEqual(['/edits: must be a non-empty array when present']);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'zero' }, edits: [{ file: '../x.ts', find: 'a', replace: 'a', why: 1 }] }, MODULES)).toEqual(
      [
        '/edits/0/why: unknown property',
        '/edits/0/file: must be a relative .ts path inside the submission, got "../x.ts"',
        '/edits/0: replace equals find, the edit changes nothing',
      ],
    );
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'zero' }, from: 'solutions' }, MODULES)).toEqual([
      '/from: must be "exercises" when present',
    ]);
  });

  it('materialising into a folder that is not empty', async () => {
    const dir = path.join(workDir(), 'occupied');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'stale.ts'), '');
    await expect(materialiseFixture(byName.get('fails-relu-grad-at-zero')!, dir)).rejects.toThrow(/is not empty/);
  });
});
