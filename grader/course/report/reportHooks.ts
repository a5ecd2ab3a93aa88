// How the ReLU course's report draws its pictures, says what it noticed and
// lays out its experiments: the report calls these with a results document's
// `plots`, which each checks (plotsData, experimentsData) before use, so a
// forged results.json gives no pictures, not a crash.
import type { ReportHooks } from '../../assignment/Assignment.ts';
import { reluExperiments } from './experiments.ts';
import { reluFigures } from './figures.ts';
import { reluInsights } from './insights.ts';

export const reluReportHooks: ReportHooks = {
  figures: reluFigures,
  insights: reluInsights,
  experiments: reluExperiments,
};
