// Writes results.json so that a reader (or a crash) never sees half a file:
// validate, then the one atomic writer.
import { writeFileAtomically } from '../core/writeFileAtomically.ts';
import type { ResultsDocument } from './types.ts';
import { validateResults } from './validateResults.ts';

/**
 * Validates `doc` as it will be read back (after JSON serialisation, so NaN
 * or a stray undefined is caught) and writes it to `file`, creating the
 * folder. The file is either the old one or the complete new one, never a
 * part. Throws ReluLabError('results-invalid') and writes nothing when the
 * document is not valid.
 */
export async function writeResultsAtomically(file: string, doc: ResultsDocument): Promise<void> {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  validateResults(JSON.parse(text));
  await writeFileAtomically(file, text);
}
