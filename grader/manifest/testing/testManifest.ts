// The manifest relu-lab's own tests grade against: a copy of the ReLU
// course's grader/assignment.json as shipped, kept beside the tests, so that
// an instructor who edits the course's manifest (points, deadline, late
// policy, seed, numRuns, limits) still sees the tests pass.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest } from '../loadManifest.ts';
import type { Manifest } from '../types.ts';

/** grader/manifest/testing/assignment.json: the course's seven tasks, 100 points, no deadline. */
export const TEST_MANIFEST_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assignment.json');

/** The tests' manifest, loaded (and checked against `moduleNames` when given). */
export function loadTestManifest(moduleNames?: readonly string[]): Promise<Manifest> {
  return loadManifest(TEST_MANIFEST_PATH, moduleNames);
}
