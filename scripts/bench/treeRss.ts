// Peak resident memory of a process tree: /proc sampled every 100 ms, the
// RSS of the root and all its descendants summed at each sample.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

function ppidOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name is in parentheses and may hold spaces: read after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

function rssBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

/** The pids of `root` and every process below it right now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const ppid = ppidOf(pid);
    if (ppid === null) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface RssSampler {
  /** stops sampling; the peak summed RSS in bytes and the most processes seen at once */
  stop(): { peakBytes: number; maxProcesses: number; samples: number };
}

export function sampleTreeRss(root: number, everyMs = 100): RssSampler {
  let peakBytes = 0;
  let maxProcesses = 0;
  let samples = 0;
  const sample = () => {
    const tree = processTree(root);
    const total = tree.reduce((sum, pid) => sum + rssBytes(pid), 0);
    peakBytes = Math.max(peakBytes, total);
    maxProcesses = Math.max(maxProcesses, tree.length);
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes, maxProcesses, samples };
    },
  };
}
