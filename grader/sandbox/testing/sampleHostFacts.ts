// A machine with every isolation layer, described as isolation.ts probes one: for tests.
import type { HostFacts } from '../isolation.ts';

export const EVERY_LAYER: HostFacts = {
  root: true,
  nodePath: '/usr/bin/node',
  libraries: ['/lib/x86_64-linux-gnu/libc.so.6'],
  bwrap: { path: '/usr/bin/bwrap', asNobody: true },
  bwrapMissing: null,
  nobodyRunsNode: true,
  prlimit: '/usr/bin/prlimit',
  permissionFlag: '--experimental-permission',
};
