// The dependency layers of relu-lab, as eslint-plugin-boundaries enforces them
// (docs/architecture.md explains each layer; keep the two in step).
//
// A file belongs to the first element whose pattern matches its path from the
// repository's root. A folder of grader/ that is in no layer is an error
// (boundaries/no-unknown-files): a new folder has to be given its place here.
//
// Reading a policy: files of `from` may import files of the listed layers
// (their own layer is always allowed). Anything not allowed is refused.

/** Layers of the grader, from the top (the CLI) to the bottom (core). */
const grader = [
  'cli',
  'student',
  'ci',
  'bulk',
  'validate',
  'hiddenBundle',
  'visible',
  'export',
  'engine',
  'course',
  'assignment',
  'harness',
  'sandbox',
  'report',
  'manifest',
  'intake',
  'results',
  'bundle',
  'corpus',
  'core',
];

/** @type {{ type: string, pattern: string, partialMatch: false }[]} */
export const elements = [
  // the tiny assignments the tests grade are assignments like the course
  { type: 'course', pattern: 'grader/assignment/testing/*/**', partialMatch: /** @type {const} */ (false) },
  ...grader.map((type) => ({ type, pattern: `grader/${type}/**`, partialMatch: /** @type {const} */ (false) })),
  // the reference and the starter files of the ReLU course; exercises/types.ts
  // is the contract both share, so it stays with the course's modules
  { type: 'solutions', pattern: 'solutions/**', partialMatch: false },
  { type: 'exercises', pattern: 'exercises/**', partialMatch: false },
  // entry points and tools outside the grader: they may use any layer
  { type: 'bin', pattern: 'bin/**', partialMatch: false },
  { type: 'scripts', pattern: 'scripts/**', partialMatch: false },
  { type: 'examples', pattern: 'examples/**', partialMatch: false },
  { type: 'tooling', pattern: 'tooling/**', partialMatch: false },
];

/** Test files and test helpers (category `test`), which the policies below treat more loosely. */
const testPaths = ['**/*.test.ts', '**/testing/**'];
export const files = [{ category: 'test', pattern: testPaths }];
const test = { categories: { anyOf: ['test'] } };
// `categories: { noneOf: ['test'] }` does not match a file in no category, so
// "not a test" is asked of the path
const notTest = { path: `!{${testPaths.join(',')}}` };

/** Which layers each layer may import, besides its own. */
const below = {
  core: [],
  bundle: ['core'],
  // reading an assignment's planted-mistake corpus; what it reads of an assignment is typed here, not imported
  corpus: ['core'],
  results: ['core'],
  sandbox: ['results', 'core'],
  manifest: ['results', 'core'],
  intake: ['results', 'core'],
  report: ['results', 'core'],
  harness: ['sandbox', 'results', 'core'],
  // the Assignment interface names harness, report and results types; the
  // type-only policy below keeps it from importing their code
  assignment: ['core'],
  engine: ['assignment', 'harness', 'sandbox', 'report', 'results', 'manifest', 'intake', 'core'],
  // the course is an assignment: it uses the kit and the interfaces, never the engine
  course: ['assignment', 'harness', 'report', 'results', 'manifest', 'sandbox', 'core', 'solutions', 'exercises'],
  // platform formats: what Gradescope, PrairieLearn, Classroom and Canvas take
  export: ['results', 'report', 'core'],
  // the visible-test runner, used by CI and by the student edition's self-check
  visible: ['engine', 'sandbox', 'report', 'results', 'manifest', 'intake', 'core'],
  // packing, checking and loading hidden bundles (CI grades with one; pack-hidden makes one)
  hiddenBundle: ['engine', 'assignment', 'sandbox', 'report', 'results', 'manifest', 'intake', 'bundle', 'core'],
  bulk: ['engine', 'export', 'assignment', 'harness', 'sandbox', 'report', 'results', 'manifest', 'intake', 'corpus', 'core'],
  validate: ['engine', 'assignment', 'harness', 'sandbox', 'report', 'results', 'manifest', 'intake', 'corpus', 'core'],
  ci: ['hiddenBundle', 'visible', 'export', 'engine', 'assignment', 'harness', 'sandbox', 'report', 'results', 'manifest', 'intake', 'core'],
  student: ['hiddenBundle', 'visible', 'bundle', 'engine', 'assignment', 'harness', 'sandbox', 'report', 'results', 'manifest', 'intake', 'core'],
  cli: [
    'student',
    'ci',
    'bulk',
    'validate',
    'hiddenBundle',
    'visible',
    'export',
    'engine',
    'course',
    'assignment',
    'harness',
    'sandbox',
    'report',
    'results',
    'manifest',
    'intake',
    'bundle',
    'corpus',
    'core',
  ],
  solutions: ['exercises'],
  exercises: [],
};

const everything = [...grader, 'solutions', 'exercises', 'bin', 'scripts', 'examples', 'tooling'];

/** Types only: what a layer may name in `import type` but not run. */
const typesOnly = {
  assignment: ['harness', 'report', 'results'],
};

/** The options of `boundaries/dependencies`. */
export const policies = {
  default: 'disallow',
  // also judge imports inside one layer (a test helper imported by code that
  // ships is one) and imports of files in no layer (refused by default)
  checkInternals: true,
  checkUnknownLocals: true,
  message: 'layers: {{from.type}} may not import {{to.type}} ({{dependency.source}}); see tooling/layers.js and docs/architecture.md',
  policies: [
    ...Object.entries(below).map(([type, allowed]) => ({
      from: { element: { type } },
      allow: { to: { element: { types: { anyOf: [type, ...allowed] } } } },
    })),
    ...Object.entries(typesOnly).map(([type, allowed]) => ({
      from: { element: { type } },
      allow: { to: { element: { types: { anyOf: allowed } } }, dependency: { kind: 'type' } },
    })),
    // entry points, scripts and examples sit above every layer
    ...['bin', 'scripts', 'examples', 'tooling'].map((type) => ({
      from: { element: { type } },
      allow: { to: { element: { types: { anyOf: everything } } } },
    })),
    // Tests are looser: a test (or a testing/ helper) may also import the
    // course, the reference, the starter files, the fixture corpus and any
    // layer's testing/ helpers, to grade real code end to end. It still may
    // not import a layer above its own.
    ...Object.keys(below).map((type) => ({
      from: { element: { type }, file: test },
      allow: { to: { element: { types: { anyOf: ['course', 'solutions', 'exercises', 'corpus'] } } } },
    })),
    { from: { file: test }, allow: { to: { file: test } } },
    // and nothing that ships imports a test or a test helper
    {
      from: { file: notTest },
      disallow: { to: { file: test } },
      message: 'layers: only tests may import a test helper ({{dependency.source}})',
    },
  ],
};
