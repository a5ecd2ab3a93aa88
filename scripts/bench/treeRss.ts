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

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time `pid` has used so far (user + system, its own threads), in ms; null once it is gone. */
function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
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

/** What kind of process `pid` is, from its command line: the bulk run, a grading process, a sandbox, esbuild. */
function kindOf(pid: number): string {
  let cmd = '';
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return 'gone';
  }
  // a process that has exited but is not yet reaped has an empty command line
  if (cmd === '') return 'gone';
  if (cmd.includes('worker.mjs')) return 'grading processes';
  // a sandbox names its process title after the call group it runs (host.mjs), which replaces its command line
  if (cmd.startsWith('relu-lab-sandbox') || cmd.includes('--experimental-permission') || cmd.includes('--permission')) return 'sandboxes';
  if (cmd.includes('esbuild')) return 'esbuild';
  if (cmd.includes('relu-lab.mjs')) return 'bulk (parent)';
  return 'other';
}

export interface RssPeak {
  peakBytes: number;
  maxProcesses: number;
  samples: number;
  /** the peak sample's RSS by kind of process */
  atPeak: Record<string, { processes: number; bytes: number }>;
  /**
   * CPU time by kind of process, in ms: each process's last sampled figure,
   * so a process's final < 100 ms is missed (short-lived ones, such as git, are not seen at all)
   */
  cpuMsByKind: Record<string, number>;
}

export interface RssSampler {
  /** stops sampling; the peak summed RSS in bytes, what made it up, and the most processes seen at once */
  stop(): RssPeak;
}

export function sampleTreeRss(root: number, everyMs = 100): RssSampler {
  let peakBytes = 0;
  let maxProcesses = 0;
  let samples = 0;
  let atPeak: RssPeak['atPeak'] = {};
  const lastCpu = new Map<number, { kind: string; ms: number }>();
  const sample = () => {
    const tree = processTree(root).map((pid) => ({ pid, bytes: rssBytes(pid) }));
    for (const { pid } of tree) {
      const ms = cpuMs(pid);
      if (ms === null) continue;
      // the latest kind: a process sampled between fork and exec still shows its parent's command line
      const kind = kindOf(pid);
      lastCpu.set(pid, { kind: kind === 'gone' ? (lastCpu.get(pid)?.kind ?? kind) : kind, ms });
    }
    const total = tree.reduce((sum, p) => sum + p.bytes, 0);
    if (total > peakBytes) {
      peakBytes = total;
      atPeak = {};
      for (const p of tree) {
        const kind = kindOf(p.pid);
        atPeak[kind] = { processes: (atPeak[kind]?.processes ?? 0) + 1, bytes: (atPeak[kind]?.bytes ?? 0) + p.bytes };
      }
    }
    maxProcesses = Math.max(maxProcesses, tree.length);
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const cpuMsByKind: Record<string, number> = {};
      for (const { kind, ms } of lastCpu.values()) cpuMsByKind[kind] = (cpuMsByKind[kind] ?? 0) + ms;
      return { peakBytes, maxProcesses, samples, atPeak, cpuMsByKind };
    },
  };
}
