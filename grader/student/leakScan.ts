// What must never appear in what students receive, and a scan for it: the
// hidden checks' ids, names and hints, the fixture corpus's names, and the
// reference's code (its lines as written and as esbuild prints them, the
// way they would sit in a bundle). Lines the student files share with the
// reference (signatures, lesson comments) are not secrets and are skipped, as
// are lines that only give a name an empty value.
import fs from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Assignment } from '../assignment/Assignment.ts';
import type { CheckDeclaration } from '../assignment/check.ts';
import { listFiles } from '../hiddenBundle/bundleFormat.ts';

export interface Secret {
  kind: 'check id' | 'check name' | 'check hint' | 'fixture name' | 'reference code';
  text: string;
}

export interface Leak extends Secret {
  file: string;
}

const MIN_CODE_LINE = 24;
const squash = (s: string) => s.replace(/\s+/g, '');
const isComment = (line: string) => /^(\/\/|\/\*|\*)/.test(line);
/**
 * A name given an empty value (`const found = new Set<number>();`, as esbuild
 * prints it `const found = /* @__PURE__ *\/ new Set();`): it says nothing of
 * the reference, and relu-lab's own code has such lines too.
 */
const EMPTY_DECLARATION = /^(const|let|var) [\w$]+(: [\w$<>[\], ]+)? = (\/\* @__PURE__ \*\/ )?(new (Set|Map|Array)(<[\w$<>[\], ]+>)?\(\)|\[\]|\{\}|0|null);$/;

async function codeLines(file: string): Promise<string[]> {
  const source = await fs.readFile(file, 'utf8');
  const printed = (await esbuild.transform(source, { loader: 'ts', format: 'esm', legalComments: 'none' })).code;
  const lines = [...source.split('\n'), ...printed.split('\n')].map((l) => l.trim());
  return lines.filter((l) => l.length >= MIN_CODE_LINE && !isComment(l) && !EMPTY_DECLARATION.test(l));
}

/** Everything the starter must not contain: the assignment's hidden checks, its fixtures' names and its reference. */
export async function secrets(
  assignment: Pick<Assignment, 'exercisesDir' | 'solutionsDir' | 'fixturesDir'>,
  checks: readonly CheckDeclaration[],
): Promise<Secret[]> {
  const studentFiles = (await listFiles(assignment.exercisesDir)).map((f) => path.join(assignment.exercisesDir, f));
  const studentText = (await Promise.all(studentFiles.map((f) => fs.readFile(f, 'utf8')))).join('\n');
  const found: Secret[] = [];
  // what the student files already say (a field name like answers.reluIsLinear) is public
  const add = (kind: Secret['kind'], text: string) => {
    if (text.length >= 12 && !studentText.includes(text)) found.push({ kind, text });
  };
  for (const check of checks) {
    add('check id', check.id);
    const suffix = check.id.slice(check.task.length + 1);
    if (suffix.split('-').length >= 3) add('check id', suffix);
    add('check name', check.name);
    // hints end with a link to the guide, which is public
    const advice = check.hint.split(/\s*See exercises\/README\.md/)[0];
    if (advice.length >= 20) add('check hint', advice);
  }
  for (const entry of assignment.fixturesDir ? await fs.readdir(assignment.fixturesDir, { withFileTypes: true }) : []) {
    if (entry.isDirectory()) found.push({ kind: 'fixture name', text: entry.name });
  }
  const shared = new Set<string>();
  for (const file of studentFiles.filter((f) => f.endsWith('.ts'))) for (const line of await codeLines(file)) shared.add(squash(line));
  for (const file of (await listFiles(assignment.solutionsDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.check.ts'))) {
    for (const line of await codeLines(path.join(assignment.solutionsDir, file))) {
      if (!shared.has(squash(line))) found.push({ kind: 'reference code', text: line });
    }
  }
  return found;
}

/** The secrets found in the files below `dir`; code is compared without whitespace. */
export async function scanForLeaks(dir: string, list: readonly Secret[]): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const file of await listFiles(dir)) {
    const text = await fs.readFile(path.join(dir, file), 'utf8');
    const squashed = squash(text);
    for (const secret of list) {
      const hit = secret.kind === 'reference code' ? squashed.includes(squash(secret.text)) : text.includes(secret.text);
      if (hit) leaks.push({ ...secret, file });
    }
  }
  return leaks;
}
