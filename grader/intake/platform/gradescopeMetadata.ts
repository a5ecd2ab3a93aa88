// Gradescope's "Export Submissions": one folder per submission
// (`submission_100001/`) and, beside them, `submission_metadata.yml`, which
// maps each folder to who handed it in and when. Written by Ruby, so its
// keys are Ruby symbols (`:submitters:` reads as the key ":submitters"):
//
//   submission_100001:
//     :submitters:
//     - :name: Ada Lovelace
//       :sid: '1001'
//       :email: ada@example.edu
//     :created_at: 2026-03-01 21:14:03.418202000 -08:00
//     :score: 12.0
//     :history: [...]
//
// A group submission lists every member under `:submitters:`. The file is
// as untrusted as the folders: it is parsed with the `yaml` library's
// core schema (no custom tags, a bound on aliases), every field is checked,
// text is sanitised and bounded, and a folder name is kept only when it is
// one plain path segment.
import { parse } from 'yaml';
import { sanitiseText } from '../../core/sanitiseText.ts';

export const GRADESCOPE_METADATA = 'submission_metadata.yml';

/** Bigger than any class's metadata (about 1 kB a submission without results), small enough to parse safely. */
export const MAX_METADATA_BYTES = 32 * 1024 * 1024;
const MAX_TEXT = 320;
const MAX_SUBMITTERS = 50;

export interface GradescopeSubmitter {
  name: string | null;
  sid: string | null;
  email: string | null;
}

export interface GradescopeSubmission {
  /** the submission's folder in the export (`submission_100001`) */
  folder: string;
  /** in the order Gradescope lists them; more than one for a group */
  submitters: GradescopeSubmitter[];
  /** when Gradescope recorded it, ISO 8601; null when absent or unreadable */
  createdAt: string | null;
  /** Gradescope's own score for it, when it had one */
  score: number | null;
}

export type GradescopeMetadata = { kind: 'read'; submissions: GradescopeSubmission[]; problems: string[] } | { kind: 'invalid'; reason: string };

/** Reads the text of a `submission_metadata.yml`. Never throws: a file it cannot use is `invalid`, with why. */
export function readGradescopeMetadata(text: string): GradescopeMetadata {
  if (Buffer.byteLength(text) > MAX_METADATA_BYTES) return { kind: 'invalid', reason: `it is larger than ${MAX_METADATA_BYTES} bytes` };
  let doc: unknown;
  try {
    doc = parse(text, { schema: 'core', maxAliasCount: 100, uniqueKeys: false, logLevel: 'error', prettyErrors: false });
  } catch (e) {
    return { kind: 'invalid', reason: `it is not YAML Gradescope writes: ${oneLine((e as Error).message)}` };
  }
  if (!isRecord(doc)) return { kind: 'invalid', reason: 'it is not a mapping from submission folders to their submitters' };
  const submissions: GradescopeSubmission[] = [];
  const problems: string[] = [];
  for (const [folder, value] of Object.entries(doc)) {
    if (!isFolderName(folder)) {
      problems.push(`the entry "${oneLine(folder)}" is not a folder name of the export; it was ignored`);
      continue;
    }
    const submitters = isRecord(value) ? field(value, 'submitters') : undefined;
    if (!Array.isArray(submitters) || submitters.length === 0) {
      problems.push(`${folder} has no :submitters: list; it is graded under its folder name`);
      submissions.push({ folder, submitters: [], createdAt: null, score: null });
      continue;
    }
    const people = submitters.slice(0, MAX_SUBMITTERS).flatMap((s) => (isRecord(s) ? [submitter(s)] : []));
    const record = value as Record<string, unknown>;
    submissions.push({ folder, submitters: people, createdAt: timestamp(field(record, 'created_at')), score: number(field(record, 'score')) });
  }
  submissions.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  return { kind: 'read', submissions, problems };
}

/** Gradescope's keys are Ruby symbols (":sid"); a re-saved file may have lost the colon. */
function field(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, `:${key}`) ? record[`:${key}`] : Object.hasOwn(record, key) ? record[key] : undefined;
}

function submitter(record: Record<string, unknown>): GradescopeSubmitter {
  return { name: text(field(record, 'name')), sid: text(field(record, 'sid')), email: text(field(record, 'email')) };
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const clean = sanitiseText(value.trim(), { singleLine: true }).slice(0, MAX_TEXT);
  return clean === '' ? null : clean;
}

function number(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** Ruby's `2026-03-01 21:14:03.418202000 -08:00` (or ISO 8601) as ISO 8601. */
function timestamp(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string' || value.length > 64) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const zone = !m[4] || m[4] === 'UTC' ? 'Z' : m[4] === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(`${m[1]}T${m[2]}${m[3] ? `.${m[3].slice(0, 3).padEnd(3, '0')}` : ''}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One plain path segment: no separators, no `..`, nothing hidden, no controls, of a sane length. */
function isFolderName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name);
}

const oneLine = (s: string) => sanitiseText(s, { singleLine: true }).slice(0, MAX_TEXT);
