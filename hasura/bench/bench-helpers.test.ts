import { describe, expect, test } from 'vitest';
import { readBenchOptions } from './bench-options.ts';
import { runLoad } from './load-generator.ts';
import { firstDifference } from './parity.ts';
import { Teardown } from './teardown.ts';

describe('benchmark helpers', () => {
  test('firstDifference names the first differing path, ignoring key order', () => {
    expect(firstDifference({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBeUndefined();
    expect(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe('$.a.b[1]: 2 ≠ 3');
    expect(firstDifference({ a: 1 }, { a: 1, c: null })).toBe('$.c: undefined ≠ null');
  });

  test('runLoad keeps the concurrency, spends the request budget and counts errors', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await runLoad(async (index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      if (index % 10 === 9) throw new Error(`failed ${index}`);
    }, { concurrency: 4, seconds: 60, requests: 40 });
    expect(most).toBe(4);
    expect(result.requests + result.errors).toBe(40);
    expect(result.errors).toBe(4);
    expect(result.firstError).toMatch(/^failed \d+$/);
    expect(result.latenciesMs).toHaveLength(36);
  });

  test('Teardown runs every step once, last registered first, and reports failures', async () => {
    const order: string[] = [];
    const teardown = new Teardown();
    teardown.defer('first', () => void order.push('first'));
    teardown.defer('second', () => {
      throw new Error('boom');
    });
    teardown.defer('third', async () => void order.push('third'));
    const [failures, again] = await Promise.all([teardown.run(), teardown.run()]);
    expect(order).toEqual(['third', 'first']);
    expect(failures).toEqual(['second: boom']);
    expect(again).toBe(failures);
  });

  test('options have defaults and name bad values', () => {
    expect(readBenchOptions([], {})).toMatchObject({ scale: 1, concurrency: 8, seconds: 10, rounds: 2, customers: 8, databaseUrl: undefined });
    expect(readBenchOptions(['--requests', '500', '--concurrency', '16'], {})).toMatchObject({ requests: 500, concurrency: 16 });
    expect(() => readBenchOptions(['--concurrency', '0'], {})).toThrow(/concurrency/);
    expect(() => readBenchOptions([], { DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
