// The outer defence: every sandbox a job started wrote its pid to
// <jobDir>/sandbox.pids; killing their process groups stops any student code
// still running, whatever state the tests are in.
import fs from 'node:fs/promises';
import path from 'node:path';

export async function killSandboxes(jobDir: string): Promise<number> {
  let text = '';
  try {
    text = await fs.readFile(path.join(jobDir, 'sandbox.pids'), 'utf8');
  } catch {
    return 0;
  }
  let killed = 0;
  for (const line of text.split('\n')) {
    const pid = Number.parseInt(line, 10);
    if (!Number.isInteger(pid) || pid <= 1) continue;
    try {
      process.kill(-pid, 'SIGKILL');
      killed += 1;
    } catch {
      // already gone
    }
  }
  return killed;
}
