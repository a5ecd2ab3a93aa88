// What the ReLU course's report notices in a student's own data: a few
// sentences drawn from the plot data (their functions' values), one small
// function per idea. The report adds them, through the course's report hooks,
// between its own insights (compile errors first, time-outs last).
import { formatNumber } from '../../core/formatValue.ts';
import type { InsightView } from '../../report/ReportView.ts';
import { plotsData, type ExamplePlot, type PlotsData } from '../PlotsData.ts';

/** The course's insights on `plots`; none when the document's plots are absent or not the course's shape. */
export function reluInsights(input: { plots: unknown }): InsightView[] {
  const plots = plotsData(input.plots);
  if (!plots) return [];
  return [
    ...activationAtZeroInsight(plots),
    ...linearExampleKinkInsight(plots),
    ...linearExampleUnitsInsight(plots),
    ...deadClaimInsight(plots),
    ...nonlinearExampleInsight(plots),
    ...trainingInsight(plots),
  ];
}

const n = formatNumber;

/**
 * The most units or kinks an insight names, and the most insights of one
 * kind: the assignment's networks have a handful; a results document may
 * list any number, and a wall of sentences helps no one.
 */
export const MAX_LISTED = 8;

/** The first MAX_LISTED of `items`, written out, and how many more there are. */
function listed<T>(items: readonly T[], write: (item: T) => string): string {
  const shown = items.slice(0, MAX_LISTED).map(write).join(', ');
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

const AT_ZERO_WHY: Record<string, string> = {
  relu: 'relu(0) = max(0, 0) = 0',
  reluGrad: 'the convention is 0 — at exactly z = 0 the unit gets no gradient, so a dead unit stays dead',
  leakyRelu: 'leakyRelu(0) = alpha * 0 = 0',
  leakyReluGrad: 'the convention is alpha — a Leaky ReLU unit keeps that small gradient at z <= 0, which is why it never dies',
};

/** An activation (or its derivative) whose value at exactly 0 breaks the convention. */
export function activationAtZeroInsight(plots: PlotsData): InsightView[] {
  return plots.activations.flatMap((a) =>
    typeof a.studentAtZero !== 'number' || Math.abs(a.studentAtZero - a.referenceAtZero) <= 1e-12
      ? []
      : [
          {
            id: `${a.name}-at-zero`,
            text: `Your ${a.name}(0) is ${n(a.studentAtZero)}; ${AT_ZERO_WHY[a.name]}${a.name === 'leakyReluGrad' ? ` (${n(a.referenceAtZero)} here)` : ''}.`,
          },
        ],
  );
}

/** Kinks strictly inside the domain: from the student's kinks, or where the sampled curve bends. */
export function kinksInside(example: ExamplePlot, lo = -4, hi = 4): { xs: number[]; approximate: boolean } | null {
  if (example.studentKinks) return { xs: example.studentKinks.filter((x) => x > lo && x < hi), approximate: false };
  if (!example.student) return null;
  const c = example.student;
  const xs: number[] = [];
  for (let i = 1; i + 1 < c.length; i++) {
    if (![c[i - 1], c[i], c[i + 1]].every(([x, y]) => finite(x) && finite(y))) continue;
    const s0 = (c[i][1] - c[i - 1][1]) / (c[i][0] - c[i - 1][0]);
    const s1 = (c[i + 1][1] - c[i][1]) / (c[i + 1][0] - c[i][0]);
    if (Math.abs(s1 - s0) > 1e-6 * Math.max(1, Math.abs(s0), Math.abs(s1)) && c[i][0] > lo && c[i][0] < hi) xs.push(c[i][0]);
  }
  return { xs, approximate: true };
}

function example(plots: PlotsData, id: ExamplePlot['id']): ExamplePlot | undefined {
  return plots.examples.find((e) => e.id === id);
}

/** The linear example must not bend inside [-4, 4]: say where it does. */
export function linearExampleKinkInsight(plots: PlotsData): InsightView[] {
  const ex = example(plots, 'linearExample');
  const kinks = ex ? kinksInside(ex) : null;
  if (!kinks || kinks.xs.length === 0) return [];
  const where = listed(kinks.xs, (x) => `x ${kinks.approximate ? '≈' : '='} ${n(x)}`);
  return [
    {
      id: 'linear-example-kink',
      text: `Your linearExample bends at ${where}: a hidden unit switches on or off there, so the output is not linear on [-4, 4]. Move each switch point x = -b1[j] / W1[j][0] outside [-4, 4].`,
    },
  ];
}

/** Unit 0 of the linear example must be off on [-4, 4], units 1 and 2 on. */
export function linearExampleUnitsInsight(plots: PlotsData): InsightView[] {
  const z = example(plots, 'linearExample')?.studentZ1;
  if (!z) return [];
  const out: InsightView[] = [];
  z.z1.forEach((row, unit) => {
    if (row.length !== z.xs.length || !row.every(finite)) return;
    if (unit === 0) {
      const i = argBy(row, (a, b) => a > b);
      if (row[i] > 0)
        out.push({
          id: 'linear-example-unit-0',
          text: `Your linearExample should have unit 0 dead on [-4, 4], but its pre-activation at x = ${n(z.xs[i])} is ${n(row[i])}; it must be <= 0 for every x there.`,
        });
    } else if (unit <= 2) {
      const i = argBy(row, (a, b) => a < b);
      if (row[i] <= 0)
        out.push({
          id: `linear-example-unit-${unit}`,
          text: `Your linearExample should keep unit ${unit} active on all of [-4, 4], but its pre-activation at x = ${n(z.xs[i])} is ${n(row[i])}, so it switches off there.`,
        });
    }
  });
  return out;
}

/** Units the student's deadNeurons reported dead that are on for some sample, and dead units it missed. */
export function deadClaimInsight(plots: PlotsData): InsightView[] {
  const map = plots.deadMap;
  if (!map || !map.studentDead) return [];
  const truth = map.referencePattern;
  // when an example network's pre-activations give exactly this on/off map, quote them
  const source = plots.examples.find(
    (e) => e.studentZ1 && sameSamples(e.studentZ1.xs, map.xs) && e.studentZ1.z1.every((row, u) => row.every((z, s) => z > 0 === (truth[s]?.[u] === true))),
  );
  const out: InsightView[] = [];
  const reported = new Set(map.studentDead);
  for (const unit of map.studentDead.slice(0, MAX_LISTED)) {
    const on = truth.findIndex((row) => row[unit] === true);
    if (on < 0) continue;
    const offSomewhere = truth.some((row) => row[unit] !== true);
    const why = offSomewhere ? ' A unit is dead only when it is off for every sample, not just for some.' : '';
    const z = source?.studentZ1?.z1[unit];
    if (source && z && z.every(finite)) {
      const i = argBy(z, (a, b) => a > b);
      out.push({
        id: `dead-claim-${unit}`,
        text: `You reported unit ${unit} dead on the ${exampleName(source)}, but its pre-activation at x = ${n(map.xs[i])} is ${n(z[i])}.${why}`,
      });
    } else {
      out.push({
        id: `dead-claim-${unit}`,
        text: `Your deadNeurons reported unit ${unit} dead, but it is on (z > 0) at x = ${n(map.xs[on])}, so its gradient is not always zero.${why}`,
      });
    }
  }
  for (const unit of map.referenceDead.filter((u) => !reported.has(u)).slice(0, MAX_LISTED)) {
    out.push({
      id: `dead-missed-${unit}`,
      text: `Unit ${unit} is off (z <= 0) for every sample, so it never gets a gradient: it is dead, but your deadNeurons left it out.`,
    });
  }
  return out;
}

/** The nonlinear example needs two kinks inside [-4, 4] and no dead unit. */
export function nonlinearExampleInsight(plots: PlotsData): InsightView[] {
  const ex = example(plots, 'nonlinearExample');
  if (!ex) return [];
  const out: InsightView[] = [];
  const kinks = kinksInside(ex);
  if (kinks && kinks.xs.length < 2) {
    const where = kinks.xs.length === 0 ? 'no kink inside [-4, 4]' : `only one kink inside [-4, 4] (at x ${kinks.approximate ? '≈' : '='} ${n(kinks.xs[0])})`;
    out.push({
      id: 'nonlinear-example-kinks',
      text: `Your nonlinearExample has ${where}; it needs at least two, so place two units' switch points x = -b1[j] / W1[j][0] inside the interval.`,
    });
  }
  ex.studentZ1?.z1.slice(0, MAX_LISTED).forEach((row, unit) => {
    if (row.length > 0 && row.every((z) => finite(z) && z <= 0))
      out.push({
        id: `nonlinear-example-dead-${unit}`,
        text: `Unit ${unit} of your nonlinearExample is off for every x in [-4, 4], so it is dead there; the example asks for no dead unit.`,
      });
  });
  return out;
}

/** A training loss that rises, stays flat while the reference's falls, or becomes NaN. */
export function trainingInsight(plots: PlotsData): InsightView[] {
  const t = plots.training;
  if (!t || !t.student || t.student.length < 2) return [];
  const s = t.student;
  const r = t.reference;
  const bad = s.findIndex((v) => !Number.isFinite(v));
  const ref = r.length > 1 ? ` The reference's falls from ${n(r[0])} to ${n(r[r.length - 1])}.` : '';
  if (bad >= 0)
    return [
      {
        id: 'training-not-finite',
        text: `Your training loss becomes ${n(s[bad])} at epoch ${bad}: the parameters blew up. Check the sign of the step (p - lr * dp) and the gradients' scale (they are of the mean loss).${ref}`,
      },
    ];
  const first = s[0];
  const last = s[s.length - 1];
  if (last > first * (1 + 1e-9))
    return [
      {
        id: 'training-rises',
        text: `Your training loss rises from ${n(first)} to ${n(last)}.${ref} A rising loss usually means the step goes up the gradient: sgdStep should return p - lr * dp.`,
      },
    ];
  if (Math.abs(last - first) <= 1e-12 * Math.max(1, first) && r.length > 1 && r[r.length - 1] < r[0] * 0.99) {
    return [
      {
        id: 'training-flat',
        text: `Your training loss stays at ${n(first)}.${ref} Check that train applies each step to the network it carries into the next epoch.`,
      },
    ];
  }
  return [];
}

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function argBy(xs: number[], better: (a: number, b: number) => boolean): number {
  let best = 0;
  xs.forEach((x, i) => {
    if (better(x, xs[best])) best = i;
  });
  return best;
}

function sameSamples(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function exampleName(e: ExamplePlot): string {
  return e.id === 'linearExample' ? 'linear example' : 'nonlinear example';
}
