// ESLint for relu-lab: rules that catch defects, not matters of taste (the
// formatter owns those), and the layer rule of tooling/layers.js. Not
// type-aware, so that it runs in seconds on two cores; `tsc -p .` checks types.
import js from '@eslint/js';
import tseslint from '@relu-lab/typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import { elements, files, policies } from './tooling/layers.js';

export default tseslint.config(
  {
    ignores: ['**/node_modules/', 'reports/', '.tmp/', 'coverage/', 'grader/fixtures/submissions/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mts,js,mjs}'],
    rules: {
      // tsc (checkJs included) reports undefined names with their types; ESLint
      // would need every Node global listed to do the same
      'no-undef': 'off',
      // `_name` marks a parameter or binding kept for its position or shape
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // a regular expression's literal spaces are as readable as ` {2}`: taste, not a defect
      'no-regex-spaces': 'off',
    },
  },
  {
    // the starter files are stubs that throw `not implemented`: their
    // parameters are the signature a student fills in, unused on purpose
    files: ['exercises/**/*.ts'],
    ignores: ['exercises/**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }] },
  },
  {
    files: ['**/*.{ts,mts,js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': files,
      // the root's configuration files import what they configure, and are in no layer
      'boundaries/include': ['grader/**', 'solutions/**', 'exercises/**', 'bin/**', 'scripts/**', 'examples/**', 'tooling/**'],
    },
    rules: {
      'boundaries/dependencies': ['error', policies],
    },
  },
  {
    // every file of the grader belongs to a layer
    files: ['grader/**/*.{ts,mjs}'],
    rules: { 'boundaries/no-unknown-files': 'error' },
  },
);
