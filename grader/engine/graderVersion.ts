// The grader's version: package.json's version, read once.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/defaults.ts';

let cached: Promise<string> | undefined;

export function graderVersion(): Promise<string> {
  cached ??= fs.readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8').then((text) => JSON.parse(text).version as string);
  return cached;
}
