// How the ReLU course's report draws its pictures and says what it noticed:
// the report calls these with a results document's `plots`, which each checks
// (plotsData) before use, so a forged results.json gives no pictures, not a crash.
import type { ReportHooks } from '../../assignment/Assignment.ts';
import { reluFigures } from './figures.ts';
import { reluInsights } from './insights.ts';

export const reluReportHooks: ReportHooks = {
  figures: reluFigures,
  insights: reluInsights,
};
