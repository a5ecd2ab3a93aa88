// The job summary: what this run was (visible tests only, or the hidden
// tests), then the student's Markdown report. Links to the student guide
// become links into the repository at the graded commit when GitHub says
// where that is. The report may quote what a submission threw: it is
// sanitised and no line of it can read as a workflow command.
import { sanitiseText } from '../../core/sanitiseText.ts';
import { markdownCode } from '../../report/markdownEscape.ts';
import { gradedLaterClause } from '../../report/summarySentence.ts';
import type { CiView } from './ciView.ts';
import { neutraliseWorkflowCommands } from './githubFiles.ts';

export interface SummaryContext {
  /** e.g. https://github.com/course/alice-relu-lab/blob/<sha>/, or null */
  blobBase: string | null;
  /** GITHUB_SHA when it differs from the commit graded */
  shaMismatch: string | null;
}

const fmt = (n: number) => String(Number(n.toFixed(2)));

export function modeBanner(view: CiView): string {
  if (view.mode.kind === 'visible') {
    return [
      '> [!NOTE]',
      `> **Visible tests only: ${[`${fmt(view.score.earned)} / ${fmt(view.score.possible)}`, ...view.withheldGroups.map(gradedLaterClause)].join(' · ')}.** This is feedback from the tests in \`exercises/*.test.ts\`.`,
      "> The hidden tests run when your work is graded, in the course's own run: your grade comes from there, not from this workflow.",
      '> Passing every visible test is a good sign, not a guarantee.',
    ].join('\n');
  }
  const b = view.mode.bundle;
  const withheld =
    view.withheld.count > 0
      ? ` ${view.withheld.count} tests (${fmt(view.withheld.possible)} points) are not shown yet; the total includes only what you may see.`
      : '';
  return [
    '> [!IMPORTANT]',
    `> **Graded with the hidden tests: ${fmt(view.score.earned)} / ${fmt(view.score.possible)}.** Hidden bundle \`${b.hash.slice(0, 12)}\` (relu-lab ${b.graderVersion}, ${b.checks} checks).${withheld}`,
  ].join('\n');
}

export function stepSummary(view: CiView, reportMarkdown: string, ctx: SummaryContext): string {
  const git = view.doc.submission.git;
  const lines = [modeBanner(view), ''];
  if (git)
    lines.push(
      `Commit \`${git.commit.slice(0, 7)}\`${git.branch ? ` on ${markdownCode(git.branch)}` : ''}${git.dirty ? ' (with uncommitted changes)' : ''}.`,
      '',
    );
  if (ctx.shaMismatch) lines.push(`> [!WARNING]\n> GITHUB_SHA is \`${ctx.shaMismatch.slice(0, 7)}\` but the checkout's HEAD was graded.`, '');
  let report = neutraliseWorkflowCommands(sanitiseText(reportMarkdown));
  if (ctx.blobBase) report = report.replace(/\]\(<?\.\.\/\.\.\/([^)>\s]+)>?\)/g, (_m, target: string) => `](${ctx.blobBase}${target})`);
  lines.push(report.trimEnd(), '');
  return lines.join('\n');
}
