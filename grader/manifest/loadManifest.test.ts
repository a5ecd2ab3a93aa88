import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../core/defaults.ts';
import { isReluLabError, type ReluLabError } from '../core/errors.ts';
import { schemaPath } from '../results/schemaValidator.ts';
import { loadManifest } from './loadManifest.ts';
import { TEST_MANIFEST_PATH } from './testing/testManifest.ts';
import type { ManifestFile } from './types.ts';

/** the ReLU course's modules, whose manifest is the shipped one */
const MODULES = ['activations', 'forward', 'backprop', 'dead-neurons', 'linearity', 'claims', 'training'];

let dir: string;
/** the tests' copy of the course's manifest (testing/assignment.json), which the tests change */
let shipped: Record<string, unknown>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-manifest-'));
  shipped = JSON.parse(await readFile(TEST_MANIFEST_PATH, 'utf8')) as Record<string, unknown>;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The tests' manifest as plain JSON, which the tests change freely (to invalid values too). */
interface ManifestJson {
  title?: unknown;
  tasks: Record<string, unknown>[];
  [key: string]: unknown;
}

/** Writes a manifest built from the tests' one and returns its path. */
async function write(name: string, change: (m: ManifestJson) => void | string): Promise<string> {
  const m = structuredClone(shipped) as ManifestJson;
  const text = change(m);
  const file = path.join(dir, name);
  await writeFile(file, typeof text === 'string' ? text : JSON.stringify(m, null, 2));
  return file;
}

async function failure(file: string, moduleNames?: readonly string[]): Promise<ReluLabError> {
  const e: unknown = await loadManifest(file, moduleNames).then(
    () => null,
    (err: unknown) => err,
  );
  if (!isReluLabError(e)) throw new Error(`expected a ReluLabError, got ${String(e)}`);
  return e;
}

describe('loadManifest', () => {
  it("loads the shipped manifest as it stands, whatever the instructor set: every module once, the file's values, the defaults for the rest", async () => {
    const file = JSON.parse(await readFile(DEFAULTS.manifestPath, 'utf8')) as ManifestFile;
    const m = await loadManifest(undefined, MODULES);
    expect(m.path).toBe(DEFAULTS.manifestPath);
    expect(m.version).toBe(1);
    expect(m.tasks.map((t) => t.id)).toEqual([...MODULES]);
    expect(m.tasks).toEqual(file.tasks);
    expect({ deadline: m.deadline, latePolicy: m.latePolicy }).toEqual({ deadline: file.deadline, latePolicy: file.latePolicy });
    expect(m.limits).toEqual({
      callTimeoutMs: file.limits?.callTimeoutMs ?? DEFAULTS.callTimeoutMs,
      groupTimeoutMs: file.limits?.groupTimeoutMs ?? file.limits?.batchTimeoutMs ?? DEFAULTS.groupTimeoutMs,
      submissionDeadlineMs: file.limits?.submissionDeadlineMs ?? DEFAULTS.submissionDeadlineMs,
      sandboxMemoryMb: file.limits?.sandboxMemoryMb ?? DEFAULTS.sandboxMemoryMb,
    });
    expect(m.fastCheck).toEqual({ seed: file.fastCheck?.seed ?? DEFAULTS.seed, numRuns: file.fastCheck?.numRuns ?? DEFAULTS.numRuns });
    expect(m).not.toHaveProperty('$schema');
  });

  it("loads the tests' copy of the course's manifest with every module once and the defaults filled in", async () => {
    const m = await loadManifest(TEST_MANIFEST_PATH, MODULES);
    expect(m.path).toBe(TEST_MANIFEST_PATH);
    expect(m.version).toBe(1);
    expect(m.tasks.map((t) => t.id)).toEqual([...MODULES]);
    expect(m.tasks.map((t) => t.points)).toEqual([10, 15, 25, 20, 10, 10, 10]);
    expect(m.tasks[2]).toEqual({ id: 'backprop', title: expect.any(String), points: 25, file: 'exercises/backprop.ts' });
    expect(m.latePolicy).toEqual({ kind: 'none' });
    expect(m.limits).toEqual({
      callTimeoutMs: DEFAULTS.callTimeoutMs,
      groupTimeoutMs: DEFAULTS.groupTimeoutMs,
      submissionDeadlineMs: DEFAULTS.submissionDeadlineMs,
      sandboxMemoryMb: DEFAULTS.sandboxMemoryMb,
    });
    expect(m.fastCheck).toEqual({ seed: DEFAULTS.seed, numRuns: DEFAULTS.numRuns });
    expect(m).not.toHaveProperty('$schema');
  });

  it('keeps limits and fast-check settings the file gives, and fills only the rest', async () => {
    const file = await write('partial.json', (m) => {
      m.limits = { callTimeoutMs: 500, groupTimeoutMs: 3_000 };
      m.fastCheck = { seed: -7 };
      m.deadline = '2026-12-01T23:59:00Z';
      m.latePolicy = { kind: 'percent-per-day', percentPerDay: 10, maxDaysLate: 3 };
      m.defaultVisibility = 'after_due_date';
    });
    const m = await loadManifest(file);
    expect(m.limits).toEqual({
      callTimeoutMs: 500,
      groupTimeoutMs: 3_000,
      submissionDeadlineMs: DEFAULTS.submissionDeadlineMs,
      sandboxMemoryMb: DEFAULTS.sandboxMemoryMb,
    });
    expect(m.fastCheck).toEqual({ seed: -7, numRuns: DEFAULTS.numRuns });
    expect(m.deadline).toBe('2026-12-01T23:59:00Z');
    expect(m.latePolicy).toEqual({ kind: 'percent-per-day', percentPerDay: 10, maxDaysLate: 3 });
    expect(m.defaultVisibility).toBe('after_due_date');
  });

  it('reads limits.batchTimeoutMs, the old name of groupTimeoutMs, as groupTimeoutMs', async () => {
    const file = await write('old-name.json', (m) => {
      m.limits = { callTimeoutMs: 500, batchTimeoutMs: 4_000 };
    });
    const m = await loadManifest(file);
    expect(m.limits).toEqual({
      callTimeoutMs: 500,
      groupTimeoutMs: 4_000,
      submissionDeadlineMs: DEFAULTS.submissionDeadlineMs,
      sandboxMemoryMb: DEFAULTS.sandboxMemoryMb,
    });
    expect(m.limits).not.toHaveProperty('batchTimeoutMs');
  });

  it('refuses a manifest that gives both groupTimeoutMs and its old name batchTimeoutMs, saying to keep one', async () => {
    const file = await write('both-names.json', (m) => {
      m.limits = { groupTimeoutMs: 3_000, batchTimeoutMs: 4_000 };
    });
    const e = await failure(file);
    expect(e.code).toBe('manifest-invalid');
    expect(e.message.split('\n')).toContain('  /limits: gives both groupTimeoutMs and batchTimeoutMs (its old name); keep only groupTimeoutMs');
  });

  it('holds the old name batchTimeoutMs to the same rules as groupTimeoutMs', async () => {
    const file = await write('old-name-zero.json', (m) => {
      m.limits = { batchTimeoutMs: 0 };
    });
    const e = await failure(file);
    expect(e.code).toBe('manifest-invalid');
    expect(e.message).toContain('/limits/batchTimeoutMs: must be >= 1');
  });

  it('says manifest-missing for a file that does not exist', async () => {
    const e = await failure(path.join(dir, 'nope.json'));
    expect(e.code).toBe('manifest-missing');
    expect(e.message).toContain('nope.json');
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const file = await write('syntax.json', () => '{\n  "title": "x",\n  "version" 1\n}\n');
    const e = await failure(file);
    expect(e.code).toBe('manifest-invalid');
    expect(e.message).toMatch(/not valid JSON at line 3, column 13/);
  });

  it('lists every schema error as a JSON path and a reason', async () => {
    const file = await write('schema.json', (m) => {
      m.tasks[2].points = 0;
      m.tasks[0].extra = true;
      m.defaultVisibility = 'secret';
      m.deadline = 'tomorrow';
      m.latePolicy = { kind: 'whenever' };
      delete m.title;
    });
    const e = await failure(file);
    expect(e.code).toBe('manifest-invalid');
    const lines = e.message.split('\n');
    expect(lines[0]).toMatch(/schema\.json is not a valid manifest:$/);
    expect(lines).toContain('  /tasks/2/points: must be > 0');
    expect(lines).toContain("  /tasks/0: unknown property 'extra' (remove it or check its spelling)");
    expect(lines).toContain('  /defaultVisibility: must be one of "visible", "hidden", "after_due_date", "after_published"');
    expect(lines).toContain('  /deadline: must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T23:59:00Z');
    expect(lines).toContain('  /latePolicy: kind must be one of "none", "accept-until", "percent-per-day"');
    expect(lines).toContain("  /: missing required property 'title'");
    expect(lines.at(-1)).toContain('assignment.schema.json');
  });

  it('checks the fields of a late policy', async () => {
    const file = await write('late.json', (m) => {
      m.deadline = '2026-12-01T23:59:00+01:00';
      m.latePolicy = { kind: 'accept-until', penaltyPercent: 120 };
    });
    const e = await failure(file);
    expect(e.message).toContain("  /latePolicy: missing required property 'lateDeadline'");
    expect(e.message).toContain('  /latePolicy/penaltyPercent: must be <= 100');
  });

  it("rejects duplicate tasks and, given the assignment's modules, missing ones, which the schema cannot see", async () => {
    const file = await write('modules.json', (m) => {
      m.tasks[6] = { ...m.tasks[1] };
    });
    const e = await failure(file, MODULES);
    expect(e.code).toBe('manifest-invalid');
    expect(e.message).toContain('/tasks/6/id: "forward" is already the id of /tasks/1');
    expect(e.message).toContain('/tasks: no task for module "training"');
  });

  it('rejects limits that are not positive whole numbers', async () => {
    const file = await write('limits.json', (m) => {
      m.limits = { callTimeoutMs: 0, sandboxMemoryMb: 1.5, timeout: 3 };
      m.fastCheck = { numRuns: 0 };
    });
    const e = await failure(file);
    expect(e.message).toContain('/limits/callTimeoutMs: must be >= 1');
    expect(e.message).toContain('/limits/sandboxMemoryMb: must be integer');
    expect(e.message).toContain("/limits: unknown property 'timeout'");
    expect(e.message).toContain('/fastCheck/numRuns: must be >= 1');
  });
});

describe('assignment.schema.json', () => {
  it('allows any lower-case module name as a task id (which modules, the assignment says)', async () => {
    const schema = JSON.parse(await readFile(schemaPath('assignment'), 'utf8'));
    expect(schema.$defs.task.properties.id).toMatchObject({ type: 'string', pattern: '^[a-z][a-z0-9-]*$' });
  });
});
