// bulk-events.jsonl in the output folder: one JSON line per thing that
// happened (a student graded, skipped, refused; a worker restarted), so a
// run can be followed and audited afterwards, across resumes.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export const EVENT_LOG = 'bulk-events.jsonl';

export type BulkEvent =
  | { event: 'run-start'; pid: number; workers: number; students: number; resume: boolean; shard: string | null }
  | {
      event: 'graded';
      id: string;
      status: string;
      score: number;
      max: number;
      ms: number;
      /** --late best with two states: the one taken, and the other's score before the late policy */
      taken?: 'on-time' | 'late' | null;
      passedOver?: { taken: 'on-time' | 'late'; score: number };
    }
  | { event: 'skipped'; id: string; reason: string }
  | { event: 'rejected'; id: string; status: string; message: string }
  | { event: 'worker-restart'; worker: number; reason: string }
  | { event: 'run-end'; graded: number; skipped: number; rejected: number; errors: number; seconds: number };

export class EventLog {
  private constructor(private readonly file: string) {}

  static async open(outDir: string): Promise<EventLog> {
    await mkdir(outDir, { recursive: true });
    return new EventLog(path.join(outDir, EVENT_LOG));
  }

  /** Appends one line (a single small write with O_APPEND, so lines never interleave). */
  async write(event: BulkEvent): Promise<void> {
    await appendFile(this.file, `${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`, 'utf8');
  }
}
