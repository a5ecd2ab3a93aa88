// A hash of what a manifest says, for deciding whether an earlier grading
// still stands: the complete manifest (defaults filled in), not the bytes of
// its file, so reformatting the file changes nothing and a changed default does.
import { createHash } from 'node:crypto';
import type { Manifest } from './types.ts';

/** sha256 (hex) of the manifest's content: every field but the path it was loaded from. */
export function manifestHash(manifest: Manifest): string {
  const { path: _path, ...content } = manifest;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with object keys sorted, so equal content gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
