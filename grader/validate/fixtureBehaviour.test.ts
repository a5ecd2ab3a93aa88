// Each planted mistake changes the behaviour of its own task, and each
// correct alternative behaves like the reference in every task.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { differingObservations, importSubmission, net, refusedByTheGrader, writeReference, X, Y, type Mods } from '../course/testing/corpusProbes.ts';
import { byName, MODULES, ofKind, useWorkDir } from '../course/testing/corpusIndex.ts';

const workDir = useWorkDir();

describe('what each fixture does', () => {
  let reference: Mods;
  let printed: string[];
  beforeAll(async () => {
    reference = await importSubmission(await writeReference(workDir(), 'reference-'));
  });
  // prints-fake-results writes a fake test report; keep it out of this run's own output
  beforeEach(() => {
    printed = [];
    const keep = (...parts: unknown[]) => void printed.push(parts.join(' '));
    vi.spyOn(console, 'log').mockImplementation(keep);
    vi.spyOn(console, 'error').mockImplementation(keep);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints-fake-results prints a passing report and a full score, and its backward still throws', async () => {
    const mods = await importSubmission(await materialiseFixture(byName.get('prints-fake-results')!, path.join(workDir(), 'printing')));
    expect(printed.join('\n')).toMatch(/Tests +\d+ passed/);
    expect(printed.join('\n')).toContain('"score":100');
    expect(() => mods.backprop.backward(net, X, Y)).toThrow(/^not implemented/);
  });

  it('the batteries see nothing wrong in the reference', () => {
    for (const task of MODULES) expect(differingObservations(task, reference, reference), task).toEqual([]);
  });

  const mistakes = ofKind('loses').filter((f) => !refusedByTheGrader(f));
  it.each(mistakes.map((f) => [f.name, f] as const))('%s changes the behaviour of its own task', async (name, f) => {
    const mods = await importSubmission(await materialiseFixture(f, path.join(workDir(), 'run', name)));
    const task = (f.expect as { task: string }).task;
    expect(differingObservations(task, mods, reference), `${name} behaves like the reference in ${task}`).not.toEqual([]);
  });

  it.each(ofKind('full').map((f) => [f.name, f] as const))('%s behaves like the reference in every task', async (name, f) => {
    const mods = await importSubmission(await materialiseFixture(f, path.join(workDir(), 'run', name)));
    for (const task of MODULES) expect(differingObservations(task, mods, reference), task).toEqual([]);
  });
});
