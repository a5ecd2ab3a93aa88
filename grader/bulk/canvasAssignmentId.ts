// --canvas-assignment, as bulk and merge read it: Canvas's id of the
// assignment canvas.csv fills, and what Canvas does with the column.
import { ReluLabError } from '../core/errors.ts';
import { sanitiseText } from '../core/sanitiseText.ts';

/** What canvas.csv's column is, and what Canvas does with it on import. */
export function canvasNote(title: string, canvasAssignmentId: string | null): string {
  return canvasAssignmentId
    ? `canvas.csv: the scores are in the column "${title} (${canvasAssignmentId})", Canvas's assignment ${canvasAssignmentId}`
    : `canvas.csv: no --canvas-assignment ID, so Canvas will create a new column "${title}" when it is imported; pass the assignment's id (the number in its Canvas address) to fill the existing one`;
}

/** Canvas's assignment ids are numbers (the one in the assignment's address, …/assignments/12345). */
export function canvasAssignment(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (/^[0-9]{1,20}$/.test(value)) return value;
  throw new ReluLabError(
    'usage',
    `--canvas-assignment takes Canvas's assignment id, the number at the end of its address (…/assignments/12345), got "${sanitiseText(value, { singleLine: true })}"`,
  );
}
