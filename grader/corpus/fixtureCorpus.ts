// The corpus of student submissions the grader is validated against: one
// folder per submission in the assignment's fixtures folder (the ReLU course's
// is grader/fixtures/submissions/), each with a fixture.json that says what
// grading it must produce.
//
// A fixture is one of four kinds:
// - edits: the reference (solutions/) with a few exact text replacements, the
//   way one realistic mistake looks in otherwise correct code;
// - files: its own complete set of .ts modules next to fixture.json (other
//   correct implementations);
// - from "exercises": the untouched stubs, copied from exercises/ when the
//   fixture is materialised, so the corpus always grades today's stubs;
// - generated: the stubs with files made in memory written over them (code
//   an assignment writes from a table of its own, say); these have no folder
//   and come from generatedFixture().
// Everything is read from the assignment's public face: its fixtures folder,
// its modules, its reference and its stubs (`types.ts` beside the stubs, when
// there is one, is shared by the stubs and the reference). This layer uses
// only core/, so any layer's tests, bulk runs and validate can read a corpus.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReluLabError } from '../core/errors.ts';

/** What the corpus reads of its assignment: the fields of an `Assignment` (grader/assignment/Assignment.ts) it uses. */
export interface CorpusAssignment {
  /** the modules of a submission: a fixture of its own files carries `<name>.ts` for each */
  modules: readonly { name: string }[];
  /** the reference (absolute) */
  solutionsDir: string;
  /** the stubs (absolute) */
  exercisesDir: string;
  /** the fixtures folder (absolute), if the assignment has one */
  fixturesDir?: string;
}

const moduleNames = (assignment: CorpusAssignment) => assignment.modules.map((m) => m.name);
const typesFile = (assignment: CorpusAssignment) => path.join(assignment.exercisesDir, 'types.ts');

/** What grading the fixture must produce. */
export type Expectation =
  /** 100 % */
  | { kind: 'full' }
  /** 0 points */
  | { kind: 'zero' }
  /** points lost in `task` */
  | { kind: 'loses'; task: string }
  /** the run finishes, `task` loses points with tests of this status; other tasks may keep credit */
  | { kind: 'misbehaves'; status: 'timed-out' | 'errored'; task: string }
  /** at most `percent` % of the points: code that does no work earns (next to) nothing */
  | { kind: 'at-most'; percent: number };

/** Replace the only occurrence of `find` in `file` (a path inside the submission, e.g. `backprop.ts`). */
export interface Edit {
  file: string;
  find: string;
  replace: string;
}

export interface Fixture {
  /** the folder's name, kebab-case, stating the expected outcome */
  name: string;
  /** absolute path of the fixture's folder */
  dir: string;
  description: string;
  expect: Expectation;
  /** how the submission is made: reference + edits, own files, the exercises/ stubs, or stubs with generated files over them */
  source: 'edits' | 'files' | 'exercises' | 'generated';
  /** the edits, in order (source 'edits') */
  edits: Edit[];
  /** the fixture's own .ts files, relative, sorted (source 'files') */
  files: string[];
  /** the files written over the stubs, by path inside the submission (source 'generated') */
  generated?: ReadonlyMap<string, string>;
  /** the assignment whose submission it is */
  assignment: CorpusAssignment;
}

const STATUSES = ['timed-out', 'errored'] as const;

function fail(message: string): never {
  throw new ReluLabError('internal', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `<JSON path>: <reason>` problems of a parsed fixture.json, whose tasks are `modules`; none when it is sound. */
export function fixtureJsonProblems(data: unknown, modules: readonly string[]): string[] {
  const problems: string[] = [];
  if (!isRecord(data)) return ['/: must be an object'];
  for (const key of Object.keys(data)) {
    if (!['description', 'expect', 'edits', 'from'].includes(key)) problems.push(`/${key}: unknown property`);
  }
  if (typeof data.description !== 'string' || data.description.trim() === '') {
    problems.push('/description: must be a non-empty string');
  }
  const expect = data.expect;
  if (!isRecord(expect)) {
    problems.push('/expect: must be an object');
  } else {
    const allowed: Record<string, string[]> = { full: [], zero: [], loses: ['task'], misbehaves: ['status', 'task'], 'at-most': ['percent'] };
    const kind = String(expect.kind);
    if (!(kind in allowed)) {
      problems.push(`/expect/kind: must be one of ${Object.keys(allowed).join(', ')}, got ${JSON.stringify(expect.kind)}`);
    } else {
      for (const key of Object.keys(expect)) {
        if (key !== 'kind' && !allowed[kind].includes(key)) problems.push(`/expect/${key}: not allowed for kind "${kind}"`);
      }
      if (allowed[kind].includes('task') && !(modules as readonly unknown[]).includes(expect.task)) {
        problems.push(`/expect/task: must be one of ${modules.join(', ')}, got ${JSON.stringify(expect.task)}`);
      }
      if (kind === 'misbehaves' && !(STATUSES as readonly unknown[]).includes(expect.status)) {
        problems.push(`/expect/status: must be one of ${STATUSES.join(', ')}, got ${JSON.stringify(expect.status)}`);
      }
      const percent = expect.percent;
      if (kind === 'at-most' && !(typeof percent === 'number' && percent >= 0 && percent < 100)) {
        problems.push(`/expect/percent: must be a number from 0 up to (not including) 100, got ${JSON.stringify(percent)}`);
      }
    }
  }
  if ('from' in data && data.from !== 'exercises') problems.push('/from: must be "exercises" when present');
  if ('from' in data && 'edits' in data) problems.push('/edits: a fixture made from exercises/ has no edits');
  if ('edits' in data) {
    if (!Array.isArray(data.edits) || data.edits.length === 0) {
      problems.push('/edits: must be a non-empty array when present');
    } else {
      data.edits.forEach((edit, i) => {
        if (!isRecord(edit)) return problems.push(`/edits/${i}: must be an object`);
        for (const key of Object.keys(edit)) {
          if (!['file', 'find', 'replace'].includes(key)) problems.push(`/edits/${i}/${key}: unknown property`);
        }
        const file = edit.file;
        if (typeof file !== 'string' || !/^([a-z0-9-]+\/)*[a-z0-9-]+\.ts$/i.test(file)) {
          problems.push(`/edits/${i}/file: must be a relative .ts path inside the submission, got ${JSON.stringify(file)}`);
        }
        if (typeof edit.find !== 'string' || edit.find === '') problems.push(`/edits/${i}/find: must be a non-empty string`);
        if (typeof edit.replace !== 'string') problems.push(`/edits/${i}/replace: must be a string`);
        if (edit.find === edit.replace) problems.push(`/edits/${i}: replace equals find, the edit changes nothing`);
      });
    }
  }
  return problems;
}

/** Relative paths of the .ts files under `dir`, recursively, sorted. */
async function tsFilesUnder(dir: string, keep: (rel: string) => boolean = () => true): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter(keep)
    .sort();
}

/** A file of the reference itself: not a test, not a type-level check, not a test helper under testing/. */
const isModuleFile = (rel: string): boolean => !rel.endsWith('.test.ts') && !rel.endsWith('.check.ts') && !rel.startsWith('testing/');

/** The stubs' shared types.ts, when the assignment has one. */
async function sharedTypes(assignment: CorpusAssignment): Promise<string | null> {
  return readFile(typesFile(assignment), 'utf8').catch(() => null);
}

/**
 * The reference as a submission: the solutions' module files (not tests, not
 * *.check.ts, not testing/) plus the stubs' types.ts, with the imports of the types pointed
 * at the copy. Keys are paths inside the submission (`internal/shapes.ts`).
 */
export async function referenceSubmission(assignment: CorpusAssignment): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const exercises = path.basename(assignment.exercisesDir);
  for (const rel of await tsFilesUnder(assignment.solutionsDir, isModuleFile)) {
    const text = await readFile(path.join(assignment.solutionsDir, rel), 'utf8');
    const depth = rel.split('/').length - 1;
    const from = `${'../'.repeat(depth + 1)}${exercises}/types.ts`;
    const to = depth === 0 ? './types.ts' : `${'../'.repeat(depth)}types.ts`;
    files.set(rel, text.replaceAll(`'${from}'`, `'${to}'`).replaceAll(`"${from}"`, `"${to}"`));
  }
  const types = await sharedTypes(assignment);
  if (types !== null) files.set('types.ts', types);
  return files;
}

function occurrences(text: string, find: string): number {
  let count = 0;
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + find.length)) count++;
  return count;
}

/** `files` with the fixture's edits applied in order; throws 'internal' naming fixture and file when a `find` is not there exactly once. */
export function applyEdits(name: string, files: ReadonlyMap<string, string>, edits: readonly Edit[]): Map<string, string> {
  const out = new Map(files);
  edits.forEach((edit, i) => {
    const text = out.get(edit.file);
    if (text === undefined) fail(`fixture ${name}: edit ${i} names ${edit.file}, which the reference submission does not have`);
    const count = occurrences(text, edit.find);
    if (count !== 1) {
      fail(
        `fixture ${name}: edit ${i} must find its text exactly once in ${edit.file}, found it ${count} times: ` +
          JSON.stringify(edit.find.length > 80 ? `${edit.find.slice(0, 80)}...` : edit.find),
      );
    }
    out.set(
      edit.file,
      text.replace(edit.find, () => edit.replace),
    );
  });
  return out;
}

async function loadOne(assignment: CorpusAssignment, root: string, name: string): Promise<Fixture> {
  const dir = path.join(root, name);
  const jsonPath = path.join(dir, 'fixture.json');
  let text: string;
  try {
    text = await readFile(jsonPath, 'utf8');
  } catch (e) {
    throw new ReluLabError('internal', `fixture ${name}: ${jsonPath} is missing; every fixture folder needs a fixture.json`, { cause: e });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReluLabError('internal', `fixture ${name}: fixture.json is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const problems = fixtureJsonProblems(data, moduleNames(assignment));
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) problems.unshift(`folder name "${name}" must be kebab-case`);
  const json = data as { description: string; expect: Expectation; edits?: Edit[]; from?: 'exercises' };
  const own = await tsFilesUnder(dir);
  const source = json.from === 'exercises' ? 'exercises' : json.edits ? 'edits' : 'files';
  if (source !== 'files' && own.length > 0) {
    problems.push(`/: a fixture made by ${source === 'edits' ? 'edits' : 'copying exercises/'} has no .ts files of its own, found ${own.join(', ')}`);
  }
  if (source === 'files') {
    const missing = moduleNames(assignment).filter((m) => !own.includes(`${m}.ts`));
    if (missing.length > 0) problems.push(`/: a fixture without edits carries every module; missing ${missing.map((m) => `${m}.ts`).join(', ')}`);
  }
  if (problems.length > 0) {
    fail(`fixture ${name} is not valid (${jsonPath}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return {
    name,
    dir,
    description: json.description,
    expect: json.expect,
    source,
    edits: json.edits ?? [],
    files: source === 'files' ? own : [],
    assignment,
  };
}

/**
 * Every fixture of the assignment (under `root`, its fixtures folder unless
 * given), sorted by name, validated: fixture.json is sound, and every edit
 * finds its text exactly once in the reference. Throws ReluLabError
 * 'internal' naming the fixture otherwise.
 */
export async function loadFixtureCorpus(assignment: CorpusAssignment, root: string | undefined = assignment.fixturesDir): Promise<Fixture[]> {
  if (root === undefined)
    throw new ReluLabError('usage', 'this assignment has no fixture corpus: set `fixturesDir` in its assignment.ts to a folder of fixtures');
  const entries = await readdir(root, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const fixtures = await Promise.all(names.map((name) => loadOne(assignment, root, name)));
  const reference = await referenceSubmission(assignment);
  for (const fixture of fixtures) {
    if (fixture.source === 'edits') applyEdits(fixture.name, reference, fixture.edits);
  }
  return fixtures;
}

/** The stubs as a submission: the stubs folder's .ts files other than tests and *.check.ts. */
async function exercisesSubmission(fixture: Fixture): Promise<Map<string, string>> {
  const { exercisesDir } = fixture.assignment;
  const rels = await tsFilesUnder(exercisesDir, isModuleFile);
  const missing = moduleNames(fixture.assignment).filter((m) => !rels.includes(`${m}.ts`));
  if (missing.length > 0) {
    throw new ReluLabError(
      'submission-missing',
      `fixture ${fixture.name} copies the stubs from ${exercisesDir}, which lacks ${missing.map((m) => `${m}.ts`).join(', ')}`,
    );
  }
  const files = new Map<string, string>();
  for (const rel of rels) files.set(rel, await readFile(path.join(exercisesDir, rel), 'utf8'));
  return files;
}

/** A submission made in memory rather than found in the fixtures folder. */
export interface GeneratedSubmission {
  /** kebab-case, like a fixture folder's name */
  name: string;
  description: string;
  expect: Expectation;
  /** the files written over the stubs, by path inside the submission (`forward.ts`) */
  files: ReadonlyMap<string, string>;
}

/** The fixture of a submission made in memory: the assignment's stubs with `made.files` written over them. */
export function generatedFixture(assignment: CorpusAssignment, made: GeneratedSubmission): Fixture {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(made.name)) fail(`generated fixture "${made.name}": its name must be kebab-case`);
  return {
    name: made.name,
    dir: '',
    description: made.description,
    expect: made.expect,
    source: 'generated',
    edits: [],
    files: [],
    generated: made.files,
    assignment,
  };
}

/** The files of the fixture's submission, by path inside the submission. */
export async function fixtureFiles(fixture: Fixture): Promise<Map<string, string>> {
  if (fixture.source === 'edits') return applyEdits(fixture.name, await referenceSubmission(fixture.assignment), fixture.edits);
  if (fixture.source === 'exercises') return exercisesSubmission(fixture);
  if (fixture.source === 'generated') {
    if (!fixture.generated) fail(`fixture ${fixture.name} is generated but carries no files`);
    const files = await exercisesSubmission(fixture);
    for (const [rel, text] of fixture.generated) files.set(rel, text);
    return files;
  }
  const files = new Map<string, string>();
  for (const rel of fixture.files) files.set(rel, await readFile(path.join(fixture.dir, rel), 'utf8'));
  const types = files.has('types.ts') ? null : await sharedTypes(fixture.assignment);
  if (types !== null) files.set('types.ts', types);
  return files;
}

/**
 * Writes the fixture's complete submission into `outDir` (created if absent;
 * it must be empty so nothing stale is graded with it) and returns its
 * absolute path: types.ts, the modules and whatever else they import.
 */
export async function materialiseFixture(fixture: Fixture, outDir: string): Promise<string> {
  const target = path.resolve(outDir);
  const existing = await stat(target).then(
    (s) => (s.isDirectory() ? readdir(target) : fail(`cannot materialise fixture ${fixture.name}: ${target} is not a folder`)),
    () => [] as string[],
  );
  if (existing.length > 0) fail(`cannot materialise fixture ${fixture.name}: ${target} is not empty`);
  const files = await fixtureFiles(fixture);
  for (const [rel, text] of files) {
    const file = path.join(target, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return target;
}
