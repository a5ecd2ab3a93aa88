import { describe, expect, it } from 'vitest';
import { OutputTail } from './OutputTail.ts';

describe('OutputTail', () => {
  it('keeps everything below the limit', () => {
    const tail = new OutputTail(10);
    tail.push('abc');
    tail.push('def');
    expect(tail.text()).toBe('abcdef');
  });

  it('keeps only the most recent characters', () => {
    const tail = new OutputTail(10);
    for (let i = 0; i < 100; i++) tail.push(`${i % 10}`);
    tail.push('0123456789ABCDEF');
    expect(tail.text()).toBe('6789ABCDEF');
  });
});
