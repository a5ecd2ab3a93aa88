// Whether this copy of the grader is the compiled CLI (grader/core/compiledCli.mjs),
// which has no loader for TypeScript files named at run time, or runs from its
// sources under Vitest or tsx, whose loader imports them. The bundle's build
// replaces this module with one that says true.

/** true in the compiled CLI's bundle, false when running from the sources */
export const RUNS_COMPILED: boolean = false;
