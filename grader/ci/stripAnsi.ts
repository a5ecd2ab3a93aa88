// Removes ANSI colour codes: Vitest adds them to some messages even with NO_COLOR.
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}
