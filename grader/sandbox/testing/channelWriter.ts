// Source for test submissions that write to the grader's channel themselves,
// as student code sharing the sandbox's process with host.mjs can.

/**
 * Defines `raw(text)`: writes `text` to descriptor 3 (the sandbox's channel)
 * as it is, bypassing host.mjs, waiting while the socket is full (host.mjs
 * has made it non-blocking). Append to a test module's source.
 */
export const CHANNEL_WRITER = `
import { writeSync as writeToFd } from 'node:fs';
const raw = (text: string) => {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeToFd(3, bytes, at);
    } catch (e: any) {
      if (e.code !== 'EAGAIN') throw e;
    }
  }
};
`;
