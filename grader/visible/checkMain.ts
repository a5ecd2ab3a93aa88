// The starter's `npm run check` (bundled into .relu-lab/check.mjs, beside
// check-reporter.mjs): the type check, then the visible tests (runCheck).
// This file is a process entry, so it sets its process's exit code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECK_REPORTER_FILE, runCheck } from './runCheck.ts';

process.exitCode = await runCheck({
  cwd: process.cwd(),
  reporter: path.join(path.dirname(fileURLToPath(import.meta.url)), CHECK_REPORTER_FILE),
  args: process.argv.slice(2),
  out: (text) => process.stdout.write(text),
});
