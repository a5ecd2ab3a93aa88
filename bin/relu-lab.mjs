#!/usr/bin/env node
// The relu-lab command. It runs the compiled CLI (see compiledCli.mjs), or
// the TypeScript sources through tsx when that cannot be built, and is the
// only place that ends the process.
import { compiledMain } from '../grader/core/compiledCli.mjs';

let main = await compiledMain();
if (!main) {
  // Commands that run Vitest in this process: Vitest and Vite are plain
  // JavaScript with many modules, and loaded before tsx's hooks are installed
  // they take a fifth of the time.
  if (['grade', 'validate', 'ci', 'history'].includes(process.argv[2])) await import('vitest/node');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../grader/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
process.exit(code);
