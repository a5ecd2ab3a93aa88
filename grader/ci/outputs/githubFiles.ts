// The files GitHub Actions reads after a step: $GITHUB_OUTPUT (step outputs)
// and $GITHUB_STEP_SUMMARY (the job summary). Both are appended to.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';

/** Appends `name=value` outputs; a value with a newline uses the delimiter form. */
export async function appendOutputs(file: string, outputs: Record<string, string>): Promise<void> {
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    if (!value.includes('\n')) {
      text += `${name}=${value}\n`;
      continue;
    }
    const delimiter = `relu_lab_${randomBytes(8).toString('hex')}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  await fs.appendFile(file, text, 'utf8');
}

export async function appendSummary(file: string, markdown: string): Promise<void> {
  await fs.appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}

/**
 * Text that may hold what student code produced (error messages), made
 * inert for GitHub's workflow-command parser: printed between
 * `::stop-commands::<token>` and `::<token>::` with an unguessable token.
 */
export function inertForGithub(text: string): string {
  const token = `relu-lab-${randomBytes(12).toString('hex')}`;
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}
