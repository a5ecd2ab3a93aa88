// How a sandbox is opened (Sandbox.open).
export interface SandboxOptions {
  /** folder of the compiled modules (`<module>.mjs`); host.mjs is copied into it */
  codeDir: string;
  /** time limit of one call (of each call in a callMany) */
  callTimeoutMs: number;
  /** heap limit of the sandbox process */
  memoryMb: number;
  /** how long the process may take to start; default 10 s */
  startTimeoutMs?: number;
}
