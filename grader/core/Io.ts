// Where commands write, so tests can capture it.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** colours on: a terminal, and NO_COLOR not set */
  color: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
    cwd: process.cwd(),
  };
}
