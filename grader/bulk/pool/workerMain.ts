// A grading process of a bulk run: one Grader (one reused Vitest instance)
// that grades the batches it is sent, writing each student's results.json
// and reports as soon as that student is done, and saying so.
import path from 'node:path';
import { Grader } from '../../engine/Grader.ts';
import { killSandboxesUnder } from '../../engine/killSandboxes.ts';
import { loadManifest } from '../../manifest/loadManifest.ts';
import { writeReports } from '../../report/renderReports.ts';
import type { ResultsDocument } from '../../results/types.ts';
import { writeResultsAtomically } from '../../results/writeResultsAtomically.ts';
import type { FromWorker, GradeItem, ToWorker } from './protocol.ts';

/** The process's IPC channel, as far as the worker uses it. */
export interface Channel {
  send(message: FromWorker): void;
  on(event: 'message', listener: (message: ToWorker) => void): void;
  on(event: 'disconnect', listener: () => void): void;
}

/** Serves until told to close or orphaned; resolves with the exit code. */
export async function serveGrading(channel: Channel, manifestPath: string | undefined, tmpDir: string): Promise<number> {
  let grader: Grader;
  try {
    const manifest = await loadManifest(manifestPath);
    grader = await Grader.create(manifest);
  } catch (e) {
    channel.send({ type: 'fatal', message: `the grader could not start: ${(e as Error).message}` });
    return 1;
  }
  const deadline = grader.manifest.deadline ? new Date(grader.manifest.deadline) : null;
  channel.send({ type: 'ready', pid: process.pid });
  return new Promise<number>((resolve) => {
    let work = Promise.resolve();
    channel.on('disconnect', () => {
      // the bulk run is gone: stop any student code and leave
      void killOwnSandboxes(tmpDir).then(() => resolve(0));
    });
    channel.on('message', (message) => {
      if (message.type === 'close') {
        work = work.then(() => grader.close()).then(() => resolve(0), () => resolve(0));
        return;
      }
      work = work.then(async () => {
        try {
          await gradeItems(grader, message.batch, message.items, deadline, channel);
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

async function gradeItems(grader: Grader, batch: number, items: GradeItem[], deadline: Date | null, channel: Channel): Promise<void> {
  const byDir = new Map(items.map((item) => [item.gradeDir, item]));
  const started = performance.now();
  await grader.gradeBatch(
    items.map((i) => i.gradeDir),
    async (dir, doc) => {
      const item = byDir.get(dir)!;
      try {
        relabel(doc, item);
        await writeResultsAtomically(path.join(item.outDir, 'results.json'), doc);
        await writeReports(doc, item.outDir, { audience: 'student', now: new Date(), deadline });
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
