// The benchmark's class: n submissions in a realistic mix, made from the
// fixture corpus. Per hundred students: 24 correct (three different
// implementations), 56 with one mistake (every fails-* fixture in turn),
// 8 untouched stubs or a file that does not compile, 4 that crash or exit,
// 2 that exhaust memory, 2 that hang (an endless loop in a call, or at
// import), and 4 cheats (forging, reading the reference, printing fake
// results). Handed in as folders (70 %), zips (20 %) and git repositories (10 %).
import { assignment } from '../../grader/course/assignment.ts';
import { loadFixtureCorpus } from '../../grader/corpus/fixtureCorpus.ts';
import type { ClassPlan, StudentPlan } from '../../grader/bulk/sampleClass/buildClass.ts';

const GROUPS: { share: number; names: (all: string[]) => string[] }[] = [
  { share: 24, names: (all) => all.filter((n) => n.startsWith('passes-')) },
  // a flood of 600,000 losses is an attack on the grader, not a student's mistake: the hostile-class test grades it
  { share: 56, names: (all) => all.filter((n) => n.startsWith('fails-') && n !== 'fails-to-compile' && n !== 'fails-train-returns-600000-losses') },
  { share: 8, names: () => ['untouched-stubs', 'fails-to-compile'] },
  { share: 4, names: () => ['crashes-at-import', 'exits-during-call', 'exits-with-reallyexit'] },
  { share: 2, names: () => ['exhausts-memory'] },
  { share: 2, names: () => ['hangs-forever', 'hangs-at-import'] },
  { share: 4, names: () => ['forges-by-reexporting-reference', 'forges-from-exercises-folder', 'reads-the-reference', 'prints-fake-results'] },
];

export interface BenchMix {
  plan: ClassPlan;
  /** fixture name -> how many students have it */
  counts: Map<string, number>;
}

/** `n` students, the groups in proportion (every group at least once when n >= 100, hangs spread through the class). */
export async function benchClass(n: number, noHangs = false): Promise<BenchMix> {
  const all = (await loadFixtureCorpus(assignment)).map((f) => f.name);
  const groups = GROUPS.filter((g) => !(noHangs && g.names(all)[0]?.startsWith('hangs-')));
  const total = groups.reduce((s, g) => s + g.share, 0);
  // a deterministic interleaving: student i takes the group whose quota is furthest behind
  const used = groups.map(() => 0);
  const nextOfGroup = groups.map(() => 0);
  const students: StudentPlan[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let g = 1; g < groups.length; g++) {
      if ((i + 1) * (groups[g].share / total) - used[g] > (i + 1) * (groups[best].share / total) - used[best]) best = g;
    }
    used[best] += 1;
    const names = groups[best].names(all);
    const fixture = names[nextOfGroup[best]++ % names.length];
    counts.set(fixture, (counts.get(fixture) ?? 0) + 1);
    const id = `s${String(i + 1).padStart(4, '0')}`;
    const way = i % 10;
    students.push(
      way < 7
        ? { id, as: 'folder', fixture }
        : way < 9
          ? { id, as: 'zip', fixture }
          : { id, as: 'git', commits: [{ fixture, date: '2026-02-28T12:00:00Z', message: 'submit' }] },
    );
  }
  return { plan: { students }, counts };
}
