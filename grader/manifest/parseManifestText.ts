// JSON.parse for the manifest, with a syntax error reported at its line and column.
import { ReluLabError } from '../core/errors.ts';

/** Parses `text` read from `shownPath`; a syntax error is a ReluLabError('manifest-invalid') naming where it is. */
export function parseManifestText(text: string, shownPath: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message;
    const at = position(text, reason);
    const where = at ? ` at line ${at.line}, column ${at.column}` : '';
    throw new ReluLabError(
      'manifest-invalid',
      `${shownPath} is not valid JSON${where}: ${reason}\n  Fix the syntax there (a missing comma or quote, or a trailing comma, is the usual cause).`,
      { cause: e },
    );
  }
}

function position(text: string, reason: string): { line: number; column: number } | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(reason);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = /at position (\d+)/.exec(reason);
  const index = offset ? Number(offset[1]) : /end of JSON input/.test(reason) ? text.length : null;
  if (index === null) return null;
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
