// The visible-test worker's reporter: it turns Vitest's events into plain
// messages for the CLI. It lives in the worker's main process; the student's
// code runs in Vitest's own child processes and cannot reach it.
import path from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { sanitiseText } from '../core/sanitiseText.ts';
import type { CollectedTest, WorkerMessage } from './protocol.ts';

/** Longest failure message passed on; a student's error may be huge. */
const MESSAGE_LIMIT = 4_000;

function clip(text: string): string {
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT)}…` : text;
}

function suitePath(testCase: TestCase): string[] {
  const titles = [testCase.name];
  for (let parent = testCase.parent; parent.type === 'suite'; parent = parent.parent) titles.unshift(parent.name);
  return titles;
}

export class VisibleReporter implements Reporter {
  constructor(
    private readonly root: string,
    private readonly send: (message: WorkerMessage) => void,
  ) {}

  private file(module: TestModule): string {
    return path.relative(this.root, module.moduleId).split(path.sep).join('/');
  }

  onTestModuleCollected(module: TestModule): void {
    const file = this.file(module);
    const tests: CollectedTest[] = [...module.children.allTests()].map((t) => ({ id: t.id, file, path: suitePath(t), line: t.location?.line ?? null }));
    this.send({ type: 'collected', file, tests });
  }

  onTestCaseReady(testCase: TestCase): void {
    this.send({ type: 'started', id: testCase.id });
  }

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const durationMs = Math.round(testCase.diagnostic()?.duration ?? 0);
    if (result.state === 'failed') {
      const error = result.errors?.[0];
      const message = clip(sanitiseText(error?.message ?? 'the test failed without a message'));
      this.send({ type: 'finished', id: testCase.id, state: 'failed', message, durationMs });
    } else {
      this.send({ type: 'finished', id: testCase.id, state: result.state === 'passed' ? 'passed' : 'skipped', message: null, durationMs });
    }
  }

  onTestModuleEnd(module: TestModule): void {
    this.send({ type: 'module-end', file: this.file(module), errors: module.errors().map((e) => clip(sanitiseText(e.message ?? String(e)))) });
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string }>): void {
    for (const error of unhandledErrors) this.send({ type: 'unhandled', message: clip(sanitiseText(error.message ?? String(error))) });
  }
}
