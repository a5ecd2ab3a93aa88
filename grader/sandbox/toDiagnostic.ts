// Turns an esbuild message into a relu-lab Diagnostic: a path shown as
// `exercises/<file>` (never the temporary folder it was compiled in), 1-based
// line and column, and plain text: colour codes and every other escape
// sequence removed, other controls made visible (core/sanitiseText.ts), since
// a file name or a message may carry what the submission chose.
import path from 'node:path';
import type { Message } from 'esbuild';
import { sanitiseText } from '../core/sanitiseText.ts';
import type { Diagnostic } from '../results/types.ts';

/** How submitted files are named in diagnostics and messages. */
export const DISPLAY_DIR = 'exercises';

/** `exercises/<relative path>` for a file inside `root`; the base name for anything else. */
export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, path.resolve(root, file));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const shown = inside ? relative : path.basename(file);
  return sanitiseText(`${DISPLAY_DIR}/${shown.split(path.sep).join('/')}`, { singleLine: true });
}

/** `file:line:column message`, as an editor or terminal links it. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.message}`;
}

/**
 * The Diagnostic of one esbuild message. `root` is the submission folder (and
 * esbuild's working directory, to which message paths are relative);
 * `fallbackFile` is used when esbuild gives no location.
 */
export function toDiagnostic(message: Message, root: string, fallbackFile: string): Diagnostic {
  const location = message.location;
  const text = sanitiseText(message.text).trim();
  if (!location) return { file: fallbackFile, line: 1, column: 1, message: text };
  return {
    file: displayPath(root, location.file),
    line: Math.max(1, location.line),
    column: location.column + 1,
    message: text,
  };
}

/** `diagnostics` without repeats (a shared helper's error is reported by every module that imports it). */
export function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
