// relu-lab doctor: which layers isolate student code on this machine, which
// are missing, and how to get them. Always exits 0: it only reports.
import { type HostFacts, hostFacts, type Isolation, chooseIsolation, isolationMode } from '../../sandbox/isolation.ts';
import { SANDBOX_FILE_SIZE_BYTES, SANDBOX_MAX_PROCESSES, SANDBOX_TMPFS_BYTES } from '../../sandbox/sandboxCommand.ts';
import { parse } from '../parse.ts';
import type { Command } from './Command.ts';

export type LayerState = 'active' | 'missing' | 'off';

export interface Layer {
  state: LayerState;
  name: string;
  /** what it does when active; why not and how to get it otherwise */
  detail: string;
}

const MB = 1024 * 1024;

/** The layers a sandbox gets with `isolation` on a machine with `facts`, in the order they wrap it. */
export function describeLayers(facts: HostFacts, isolation: Isolation, nodeVersion = process.versions.node): Layer[] {
  const narrowed = `RELU_LAB_ISOLATION=${isolation.mode} (unset it for every layer this machine has)`;
  const major = Number(nodeVersion.split('.')[0]);
  const layers: Layer[] = [
    {
      state: 'active',
      name: `Node's permission model (${isolation.permissionFlag})`,
      detail: 'reads its own code folder only; no file writes, processes, workers, addons or inspector',
    },
    {
      state: 'active',
      name: 'host.mjs guards',
      detail: `no trace events${major < 22 ? ' (Node 20 and 21 leave them to this guard)' : ''}, no signals to other processes, no exit, no net or dgram sockets`,
    },
  ];
  if (isolation.bwrap !== null) {
    layers.push({
      state: 'active',
      name: `bubblewrap (${isolation.bwrap})`,
      detail: `own network, PID and IPC namespaces, no terminal; sees only its code folder, Node and ${isolation.libraries.length} libraries, read-only, and a ${SANDBOX_TMPFS_BYTES / MB} MB /tmp`,
    });
  } else if (isolation.mode === 'auto') {
    layers.push({
      state: 'missing',
      name: 'bubblewrap',
      detail: `${facts.bwrapMissing ?? 'not usable'}. Without it student code can resolve names and send DNS queries, and learn whether any path exists. Install it with \`apt-get install -y bubblewrap\` (Debian, Ubuntu); in a container it needs to create namespaces (run the grader as root, or allow unprivileged user namespaces)`,
    });
  } else {
    layers.push({ state: 'off', name: 'bubblewrap', detail: narrowed });
  }
  if (isolation.user !== null) {
    layers.push({
      state: 'active',
      name: `unprivileged user (uid ${isolation.user.uid}, gid ${isolation.user.gid})`,
      detail: 'the grader is root; the sandbox is not',
    });
  } else if (isolation.mode === 'permission-only') {
    layers.push({ state: 'off', name: 'unprivileged user', detail: narrowed });
  } else if (!facts.root) {
    layers.push({ state: 'active', name: "the grader's own user", detail: 'the grader is not root, so neither is the sandbox' });
  } else if (isolation.bwrap !== null) {
    layers.push({
      state: 'active',
      name: 'root without capabilities',
      detail: 'bwrap works only when started as root here, so it drops every capability of the sandbox instead of changing its user',
    });
  } else {
    layers.push({
      state: 'missing',
      name: 'unprivileged user',
      detail: `the grader is root, but nobody (65534) cannot run ${facts.nodePath}: let others read and search it and the folders above it (chmod o+rx), or install Node under /usr`,
    });
  }
  const limits = `files up to ${SANDBOX_FILE_SIZE_BYTES / MB} MB${isolation.user !== null ? `, at most ${SANDBOX_MAX_PROCESSES} processes of the sandbox's user` : ''}`;
  if (isolation.prlimit !== null) layers.push({ state: 'active', name: `limits (${isolation.prlimit})`, detail: limits });
  else if (isolation.mode === 'permission-only') layers.push({ state: 'off', name: 'limits', detail: narrowed });
  else layers.push({ state: 'missing', name: 'limits', detail: 'prlimit is not installed: `apt-get install -y util-linux`' });
  return layers;
}

export const doctor: Command = {
  summary: 'which layers isolate student code on this machine, and how to get the missing ones',
  usage: 'usage: relu-lab doctor',
  async run(args, io) {
    parse(args, {});
    const facts = hostFacts();
    const isolation = chooseIsolation(facts, isolationMode(io.env));
    const layers = describeLayers(facts, isolation);
    const width = Math.max(...layers.map((l) => l.state.length));
    io.out(`relu-lab doctor: how a sandbox is isolated here (Node ${process.versions.node}, ${facts.nodePath}; mode ${isolation.mode})\n\n`);
    for (const layer of layers) io.out(`  ${layer.state.padEnd(width)}  ${layer.name}: ${layer.detail}\n`);
    const missing = layers.filter((l) => l.state === 'missing').length;
    const off = layers.filter((l) => l.state === 'off').length;
    const summary =
      missing > 0
        ? `${missing} layer${missing === 1 ? '' : 's'} missing`
        : off > 0
          ? `${off} layer${off === 1 ? '' : 's'} switched off by RELU_LAB_ISOLATION`
          : 'every layer is active';
    io.out(`\n${summary}. Always provided around the grader: a memory limit for the whole machine or container (memory outside the V8 heap is not counted).\n`);
    return 0;
  },
};
