// A grading process of a bulk run: one Grader (one reused Vitest instance)
// that grades the batches it is sent, writing each student's results.json
// and reports as soon as that student is done, and saying so.
import { loadAssignment } from '../../assignment/loadAssignment.ts';
import { DEFAULTS } from '../../core/defaults.ts';
import { Grader } from '../../engine/Grader.ts';
import { killSandboxesUnder } from '../../sandbox/killSandboxes.ts';
import { writeGradingOutputs } from '../../engine/writeGradingOutputs.ts';
import { loadManifest } from '../../manifest/loadManifest.ts';
import type { ResultsDocument } from '../../results/types.ts';
import { withGuideHref } from '../guide/withGuideHref.ts';
import { ASSIGNMENT_ENV, type FromWorker, type GradeItem, type ToWorker } from './protocol.ts';

/** The process's IPC channel, as far as the worker uses it. */
export interface Channel {
  send(message: FromWorker): void;
  on(event: 'message', listener: (message: ToWorker) => void): void;
  on(event: 'disconnect', listener: () => void): void;
}

/**
 * Serves until told to close or orphaned; resolves with the exit code. The
 * assignment graded is the one the bulk run names (RELU_LAB_ASSIGNMENT, see
 * workerEnvironment), its manifest `manifestPath` or else its own.
 */
export async function serveGrading(
  channel: Channel,
  manifestPath: string | undefined,
  tmpDir: string,
  assignmentPath: string = process.env[ASSIGNMENT_ENV] || DEFAULTS.assignmentPath,
): Promise<number> {
  let grader: Grader;
  try {
    const assignment = await loadAssignment(assignmentPath);
    const manifest = await loadManifest(
      manifestPath ?? assignment.manifestPath,
      assignment.modules.map((m) => m.name),
    );
    grader = await Grader.create(manifest, assignment);
  } catch (e) {
    channel.send({ type: 'fatal', message: `the grader could not start: ${(e as Error).message}` });
    return 1;
  }
  channel.send({ type: 'ready', pid: process.pid });
  return new Promise<number>((resolve) => {
    let work = Promise.resolve();
    channel.on('disconnect', () => {
      // the bulk run is gone: stop any student code and leave
      void killOwnSandboxes(tmpDir).then(() => resolve(0));
    });
    channel.on('message', (message) => {
      if (message.type === 'close') {
        work = work
          .then(() => grader.close())
          .then(
            () => resolve(0),
            () => resolve(0),
          );
        return;
      }
      work = work.then(async () => {
        try {
          await gradeItems(grader, message.batch, message.items, channel);
          channel.send({ type: 'batch-done', batch: message.batch });
        } catch (e) {
          channel.send({ type: 'fatal', message: (e as Error).message });
          await killOwnSandboxes(tmpDir);
          resolve(1);
        }
      });
    });
  });
}

async function gradeItems(grader: Grader, batch: number, items: GradeItem[], channel: Channel): Promise<void> {
  const byDir = new Map(items.map((item) => [item.gradeDir, item]));
  const started = performance.now();
  await grader.gradeBatch(
    items.map((i) => i.gradeDir),
    async (dir, graded) => {
      const item = byDir.get(dir)!;
      try {
        relabel(graded, item);
        const { doc } = await writeGradingOutputs(graded, item.outDir, {
          assignment: withGuideHref(grader.assignment, item.guideHref),
          manifest: grader.manifest,
          audience: 'student',
        });
        const outcome = doc.outcome;
        channel.send({
          type: 'graded',
          batch,
          id: item.id,
          summary: {
            outcome: outcome.kind,
            earned: doc.score.earned,
            possible: doc.score.possible,
            contentHash: doc.submission.contentHash,
            message: outcome.kind === 'graded' ? null : outcome.message,
            ms: Math.round(performance.now() - started),
          },
        });
      } catch (e) {
        channel.send({ type: 'item-failed', batch, id: item.id, message: `its results could not be written: ${(e as Error).message}` });
      }
    },
    { plots: true, onBegin: (dir) => channel.send({ type: 'started', batch, id: byDir.get(dir)!.id }) },
  );
}

/** The private copy's folder and git say nothing useful: record the entry and the commit graded instead. */
function relabel(doc: ResultsDocument, item: GradeItem): void {
  doc.submission.name = item.id;
  doc.submission.path = item.originalPath;
  doc.submission.git = item.git;
}

async function killOwnSandboxes(tmpDir: string): Promise<void> {
  await killSandboxesUnder(tmpDir);
}
