// The name Canvas gives each file of "Download Submissions":
// `name_[LATE_]userid_attachmentid_originalname`, for example
// `lovelaceada_12345_700001_activations.ts` or
// `lovelaceada_LATE_12345_700009_activations-1.ts`. `name` is the student's
// sortable name lowercased with everything but letters and digits dropped,
// `LATE_` marks work Canvas counted as late, and a file resubmitted under the
// same name gets `-1`, `-2`... before its extension. Everything here comes
// from a file name a student chose in part, so it is untrusted: the parts are
// checked, bounded and never used as a path as they are.

export interface CanvasFileName {
  /** Canvas's name slug (`lovelaceada`) */
  slug: string;
  /** Canvas's user id */
  userId: string;
  attachmentId: string;
  /** `_LATE_` was in the name */
  late: boolean;
  /** the name the student gave the file, without Canvas's `-N` resubmission suffix */
  originalName: string;
  /** the `-N` suffix (0 when there was none): the highest is the latest upload of that file */
  version: number;
}

/** Longer parts than these are not Canvas's; such a name is treated as an ordinary entry. */
const MAX_SLUG = 200;
const MAX_ID_DIGITS = 20;

const PATTERN = new RegExp(`^([A-Za-z0-9]{1,${MAX_SLUG}})_(LATE_)?([0-9]{1,${MAX_ID_DIGITS}})_([0-9]{1,${MAX_ID_DIGITS}})_(.+)$`, 's');

/** The parts of a Canvas download's file name, or null when `name` is not one. */
export function parseCanvasFileName(name: string): CanvasFileName | null {
  const m = PATTERN.exec(name);
  if (!m) return null;
  const { base, version } = withoutVersion(m[5]);
  return { slug: m[1].toLowerCase(), late: m[2] !== undefined, userId: m[3], attachmentId: m[4], originalName: base, version };
}

/** `activations-2.ts` is version 2 of `activations.ts`; `activations.ts` is version 0. */
function withoutVersion(name: string): { base: string; version: number } {
  const m = /^(.+?)-([0-9]{1,6})(\.[A-Za-z0-9]+)?$/.exec(name);
  if (!m) return { base: name, version: 0 };
  return { base: `${m[1]}${m[3] ?? ''}`, version: Number(m[2]) };
}
