// The exports of one exercise module, read from its starter file's text: the
// stub's signatures are the contract (a type-level check keeps them equal to
// the reference's), so the parameter names a replayed call uses live once, in
// the stub. The text is only read, never run: a student's own copy of the file
// may stand in its place, and then its own names are the right ones.
import type { ContractExport } from '../assignment/Assignment.ts';

/** Every `export function name(…)` and `export const name` of `source`, in order. */
export function exportsOf(source: string): ContractExport[] {
  const found: ContractExport[] = [];
  const head = /^export\s+(?:async\s+)?(function\s*\*?|const|let)\s+([A-Za-z_$][\w$]*)/gm;
  for (let m = head.exec(source); m !== null; m = head.exec(source)) {
    const name = m[2];
    if (!m[1].startsWith('function')) {
      found.push({ kind: 'value', name });
      continue;
    }
    const params = parameterList(source, head.lastIndex);
    if (params === null) continue;
    const firstOptional = params.findIndex((p) => p.optional);
    found.push({ kind: 'function', name, params: params.map((p) => p.name), required: firstOptional === -1 ? params.length : firstOptional });
  }
  return found;
}

interface Param {
  name: string;
  optional: boolean;
}

/** The parameters of the function whose name ends at `from`: past any type parameters, up to the matching `)`. */
function parameterList(source: string, from: number): Param[] | null {
  let i = from;
  while (i < source.length && /\s/.test(source[i])) i++;
  if (source[i] === '<') i = skipBalanced(source, i, '<', '>');
  while (i < source.length && /\s/.test(source[i])) i++;
  if (source[i] !== '(') return null;
  const end = skipBalanced(source, i, '(', ')');
  const inner = source.slice(i + 1, end - 1);
  return splitTopLevel(inner)
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text, index) => {
      const name = /^(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(text)?.[1] ?? `arg${index}`;
      const afterName = text.slice(name.length).trimStart();
      return { name, optional: afterName.startsWith('?') || hasTopLevel(text, '=') };
    });
}

const OPEN = '([{<';
const CLOSE = ')]}>';

/** The index just past the bracket that closes the one at `start`. */
function skipBalanced(source: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === open) depth++;
    else if (source[i] === close && --depth === 0) return i + 1;
  }
  return source.length;
}

/** `text` split at commas outside any brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c) && !(c === '>' && text[i - 1] === '=')) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Whether `char` occurs in `text` outside any brackets (an `=` of `=>` does not count). */
function hasTopLevel(text: string, char: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c) && !(c === '>' && text[i - 1] === '=')) depth--;
    else if (c === char && depth === 0 && text[i + 1] !== '>') return true;
  }
  return false;
}
