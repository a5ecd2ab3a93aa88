// The class roster an instructor passes with `relu-lab bulk --roster FILE`:
// a CSV file (RFC 4180, UTF-8, a header row) with one row per student, which
// joins every platform's notion of a student to one id.
//
//   id,name,email,canvas_id,github_login,gradescope_sid
//   s1001,Ada Lovelace,ada@example.edu,12345,adalovelace,1001
//
// `id` is required and unique: it names the student's folder and gradebook
// row. The others may be empty; each non-empty one must be unique too, or a
// submission could belong to two students. Optional columns for Canvas's
// import: `sis_user_id`, `sis_login_id`, `section`. Header names are matched
// ignoring case and surrounding spaces; unknown columns are refused (a typo
// would otherwise join nobody). Parsed with csv-parse.
import { parse } from 'csv-parse/sync';
import { ReluLabError } from '../../core/errors.ts';
import { sanitiseText } from '../../core/sanitiseText.ts';

export const ROSTER_COLUMNS = ['id', 'name', 'email', 'canvas_id', 'github_login', 'gradescope_sid', 'sis_user_id', 'sis_login_id', 'section'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export interface RosterRow {
  id: string;
  name: string | null;
  email: string | null;
  canvasId: string | null;
  githubLogin: string | null;
  gradescopeSid: string | null;
  sisUserId: string | null;
  sisLoginId: string | null;
  section: string | null;
}

const MAX_BYTES = 16 * 1024 * 1024;
const MAX_ROWS = 100_000;
const MAX_FIELD = 320;

const fix = 'Fix the roster (a header row with id,name,email,canvas_id,github_login,gradescope_sid; see docs/bulk-grading.md) and run again.';

/** The rows of a roster's text. Throws a ReluLabError (`usage`) naming the line and what to fix. */
export function readRoster(text: string, fileName = 'the roster'): RosterRow[] {
  if (Buffer.byteLength(text) > MAX_BYTES) throw new ReluLabError('usage', `${fileName} is larger than ${MAX_BYTES} bytes. ${fix}`);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true, max_record_size: 64 * 1024 }) as string[][];
  } catch (e) {
    throw new ReluLabError('usage', `${fileName} is not a CSV file relu-lab can read: ${clean((e as Error).message)}. ${fix}`);
  }
  if (records.length === 0) throw new ReluLabError('usage', `${fileName} is empty. ${fix}`);
  if (records.length - 1 > MAX_ROWS) throw new ReluLabError('usage', `${fileName} has more than ${MAX_ROWS} rows. ${fix}`);
  const header = records[0].map((h) => h.trim().toLowerCase());
  for (const h of header)
    if (!(ROSTER_COLUMNS as readonly string[]).includes(h))
      throw new ReluLabError('usage', `${fileName} has a column "${clean(h)}"; the columns are ${ROSTER_COLUMNS.join(', ')}. ${fix}`);
  if (!header.includes('id')) throw new ReluLabError('usage', `${fileName} has no id column. ${fix}`);
  if (new Set(header).size !== header.length) throw new ReluLabError('usage', `${fileName} names a column twice. ${fix}`);
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    const get = (column: RosterColumn): string | null => {
      const at = header.indexOf(column);
      const value = at < 0 ? '' : (record[at] ?? '');
      if (value.length > MAX_FIELD) throw new ReluLabError('usage', `${fileName}, line ${line}: ${column} is longer than ${MAX_FIELD} characters. ${fix}`);
      return value === '' ? null : clean(value);
    };
    const id = get('id');
    if (!id) throw new ReluLabError('usage', `${fileName}, line ${line}: the id is empty. ${fix}`);
    const row: RosterRow = {
      id,
      name: get('name'),
      email: get('email'),
      canvasId: get('canvas_id'),
      githubLogin: get('github_login'),
      gradescopeSid: get('gradescope_sid'),
      sisUserId: get('sis_user_id'),
      sisLoginId: get('sis_login_id'),
      section: get('section'),
    };
    for (const [column, value] of uniqueKeys(row)) {
      const key = `${column}\u0000${value.toLowerCase()}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        throw new ReluLabError(
          'usage',
          `${fileName}, lines ${earlier} and ${line} have the same ${column} "${value}": a submission could not tell them apart. ${fix}`,
        );
      seen.set(key, line);
    }
    rows.push(row);
  });
  return rows;
}

function uniqueKeys(row: RosterRow): [RosterColumn, string][] {
  const keys: [RosterColumn, string | null][] = [
    ['id', row.id],
    ['email', row.email],
    ['canvas_id', row.canvasId],
    ['github_login', row.githubLogin],
    ['gradescope_sid', row.gradescopeSid],
  ];
  return keys.filter((k): k is [RosterColumn, string] => k[1] !== null);
}

const clean = (s: string) => sanitiseText(s, { singleLine: true });
