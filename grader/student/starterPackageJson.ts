// The starter repository's package.json: the visible tests (npm test, check
// with a type check first and relu-lab's short report, check:watch, check:ui), the self-check (grade), the history, and only the
// packages those need, at the versions relu-lab itself uses.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';

/**
 * vitest and @vitest/ui for the tests; esbuild to compile the submission;
 * fast-check for a hidden bundle's suites; typescript for npm run check's
 * type check (tsc), at the version relu-lab pins.
 */
export const STARTER_PACKAGES = ['vitest', '@vitest/ui', 'esbuild', 'fast-check', 'typescript'] as const;

export async function starterPackageJson(title: string): Promise<string> {
  const own = JSON.parse(await fs.readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const versions = { ...own.dependencies, ...own.devDependencies };
  const devDependencies: Record<string, string> = {};
  for (const name of STARTER_PACKAGES) {
    const version = versions[name];
    if (!version) throw new ReluLabError('internal', `package.json does not list ${name}, which the starter repository needs`);
    devDependencies[name] = version;
  }
  const pkg = {
    name: 'relu-lab-exercises',
    version: '1.0.0',
    private: true,
    description: title,
    type: 'module',
    engines: { node: '>=20' },
    scripts: {
      test: 'vitest run',
      // tsc on exercises/, then the visible tests, reported short (grader/visible/runCheck.ts, CheckReporter.ts); npm test keeps Vitest's own report
      check: 'node .relu-lab/check.mjs',
      'check:watch': 'vitest',
      'check:ui': 'vitest --ui',
      grade: 'node .relu-lab/relu-lab.mjs grade',
      feedback: 'node .relu-lab/relu-lab.mjs ci',
      history: 'node .relu-lab/relu-lab.mjs history',
    },
    devDependencies,
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
