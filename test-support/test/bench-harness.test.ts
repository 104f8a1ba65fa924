import { describe, expect, test } from 'vitest';
import { combine, measure, median, percentile, perSecond } from '../src/bench/index.ts';

describe('bench harness', () => {
  test('percentile is nearest-rank', () => {
    const sorted = Array.from({ length: 100 }, (_v, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  test('median sorts first', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  test('measure runs the task exactly count times with at most concurrency in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const run = await measure(10, 3, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
    });
    expect(run.latencies).toHaveLength(10);
    expect(most).toBe(3);
    const both = combine([run, run]);
    expect(both.count).toBe(20);
    expect(perSecond(both)).toBeCloseTo(perSecond(run));
  });
});
