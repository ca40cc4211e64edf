import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { lookahead } from '../src/lookahead.js';

async function collect<T>(values: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const value of values) all.push(value);
  return all;
}

describe('lookahead', () => {
  it('yields in the items order while later steps finish first, with at most `width` running', async () => {
    let running = 0;
    let peak = 0;
    const delays = [30, 5, 20, 1, 10, 1, 25, 2];
    const results = await collect(
      lookahead(delays, 3, async (ms, i) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(ms);
        running--;
        return `${i}:${ms}`;
      }),
    );
    expect(results).toStrictEqual(delays.map((ms, i) => `${i}:${ms}`));
    expect(peak).toBe(3);
  });

  it('rethrows the first failure in order, after the steps already started have settled', async () => {
    const settled: number[] = [];
    const steps = lookahead([0, 1, 2, 3, 4], 3, async (i) => {
      await sleep(i === 1 ? 1 : 15);
      settled.push(i);
      if (i === 1) throw new Error('step 1 failed');
      return i;
    });
    await expect(collect(steps)).rejects.toThrow('step 1 failed');
    expect([...settled].sort()).toStrictEqual([0, 1, 2, 3]);
  });

  it('gives nothing for no items and refuses a width below 1', async () => {
    expect(await collect(lookahead([], 4, async () => 1))).toStrictEqual([]);
    await expect(collect(lookahead([1], 0, async () => 1))).rejects.toThrow(
      'Expected `width` to be a whole number of 1 or more, got `0`',
    );
  });
});
