import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { appendOutputs, appendSummary, inertForGithub, neutraliseWorkflowCommands } from './githubFiles.ts';

describe('GitHub files', () => {
  test('appends outputs, with the delimiter form for multi-line values, and the summary', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-gh-'));
    const out = path.join(dir, 'output');
    await fs.writeFile(out, 'earlier=1\n');
    await appendOutputs(out, { result: 'abc=', text: 'two\nlines' });
    const text = await fs.readFile(out, 'utf8');
    expect(text).toMatch(/^earlier=1\nresult=abc=\ntext<<(relu_lab_[0-9a-f]{16})\ntwo\nlines\n\1\n$/);
    await appendSummary(path.join(dir, 'summary'), '# one');
    await appendSummary(path.join(dir, 'summary'), '# two\n');
    expect(await fs.readFile(path.join(dir, 'summary'), 'utf8')).toBe('# one\n# two\n');
    await fs.rm(dir, { recursive: true });
  });

  test('wraps untrusted text so GitHub runs no workflow command in it', () => {
    const wrapped = inertForGithub('::error::forged\n::set-output name=result::x');
    const [first, ...rest] = wrapped.trimEnd().split('\n');
    const token = /^::stop-commands::(relu-lab-[0-9a-f]{24})$/.exec(first)?.[1];
    expect(token).toBeDefined();
    expect(rest.at(-1)).toBe(`::${token}::`);
    expect(inertForGithub('x')).not.toContain(token!);
  });

  test('no line of the text can end the block early or run a command, even behind spaces or a CR', () => {
    const wrapped = inertForGithub('ok\n  ::stop-commands::mine\nx\r::error::forged\n##[error]old\n\u001b]0;t\u0007done');
    const lines = wrapped.trimEnd().split('\n');
    const inner = lines.slice(1, -1);
    expect(inner).toEqual(['ok', '  \\u003A:stop-commands::mine', 'x\\u000D::error::forged', '\\u0023#[error]old', 'done']);
    for (const line of inner) expect(line.trimStart()).not.toMatch(/^(::|##\[)/);
    expect(neutraliseWorkflowCommands('a :: b\n::notice::n')).toBe('a :: b\n\\u003A:notice::n');
  });

  test('the job summary is sanitised as it is appended', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-gh-'));
    await appendSummary(path.join(dir, 'summary'), 'a\u001b]52;c;eA==\u0007b\rc');
    expect(await fs.readFile(path.join(dir, 'summary'), 'utf8')).toBe('ab\\u000Dc\n');
    await fs.rm(dir, { recursive: true });
  });
});
