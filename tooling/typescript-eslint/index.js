// typescript-eslint parses with TypeScript's compiler API, which TypeScript 7
// (the project's tsc) no longer ships, and its peer range stops below 6.1.
// This package is an npm workspace so that npm installs typescript-eslint
// here, beside TypeScript 5.9, where `require('typescript')` finds the old
// API; the project's own `tsc` stays TypeScript 7. Lint is not type-aware, so
// the two compilers never have to agree on types, only on syntax.
export { default } from 'typescript-eslint';
