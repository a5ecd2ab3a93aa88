#!/usr/bin/env node
// The relu-lab command. It loads the TypeScript sources through tsx, runs the
// command and is the only place that ends the process.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../grader/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exit(code);
