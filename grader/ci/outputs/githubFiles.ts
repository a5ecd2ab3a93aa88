// The files GitHub Actions reads after a step: $GITHUB_OUTPUT (step outputs)
// and $GITHUB_STEP_SUMMARY (the job summary). Both are appended to.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { sanitiseText } from '../../core/sanitiseText.ts';

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

/** Appends to the job summary, sanitised (core/sanitiseText.ts): it is shown in logs and terminals too. */
export async function appendSummary(file: string, unsafeMarkdown: string): Promise<void> {
  const markdown = sanitiseText(unsafeMarkdown);
  await fs.appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}

/**
 * Text that may hold what student code produced (error messages), made
 * inert for GitHub's workflow-command parser: sanitised (core/sanitiseText.ts:
 * a lone CR, which the runner reads as a line break, is shown), every line
 * that would be a command made plain text (`neutraliseWorkflowCommands`),
 * and all of it printed between `::stop-commands::<token>` and `::<token>::`
 * with an unguessable token, in case a command escaped both.
 */
export function inertForGithub(text: string): string {
  const token = `relu-lab-${randomBytes(12).toString('hex')}`;
  const inert = neutraliseWorkflowCommands(sanitiseText(text));
  return `::stop-commands::${token}\n${inert}${inert.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}

/**
 * Lines the runner would take as workflow commands (`::name …::`, the older
 * `##[name …]`, whatever whitespace precedes them: the runner trims it) with
 * their first character shown as `\u003A` or `\u0023`, the way sanitiseText
 * shows a control: still readable, no longer a command. `::stop-commands::`
 * is one of them, so a submission cannot end the stop-commands block early.
 */
export function neutraliseWorkflowCommands(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const start = line.length - line.trimStart().length;
      const rest = line.slice(start);
      if (rest.startsWith('::')) return `${line.slice(0, start)}\\u003A${rest.slice(1)}`;
      if (rest.startsWith('##[')) return `${line.slice(0, start)}\\u0023${rest.slice(1)}`;
      return line;
    })
    .join('\n');
}
