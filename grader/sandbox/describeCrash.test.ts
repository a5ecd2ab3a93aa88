import { describe, expect, it } from 'vitest';
import { describeCrash } from './describeCrash.ts';

const base = { code: null, signal: null, uncaught: null, stderr: '', memoryMb: 256 };

describe('describeCrash', () => {
  it('recognises Node running out of heap', () => {
    const stderr = 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory';
    expect(describeCrash({ ...base, signal: 'SIGABRT', stderr })).toBe('ran out of memory (limit 256 MB)');
  });

  it('prefers the error the sandbox reported before stopping', () => {
    expect(describeCrash({ ...base, code: 70, uncaught: { name: 'TypeError', message: 'x is undefined' } })).toBe(
      'threw TypeError: x is undefined outside any call (in a timer or callback?), which stops the sandbox',
    );
  });

  it('names an exit code or a signal', () => {
    expect(describeCrash({ ...base, code: 0 })).toBe('ended the sandbox process with exit code 0 (does it call process.exit?)');
    expect(describeCrash({ ...base, signal: 'SIGSEGV' })).toBe('ended the sandbox process with signal SIGSEGV');
    expect(describeCrash({ ...base, code: 71 })).toBe('closed its connection to the grader');
  });
});
