import { median, percentile } from './percentile.ts';

/** Timing helpers for the benches: bounded work, wall-clock throughput and latency percentiles. */
export interface Run {
  count: number;
  seconds: number;
  latencies: number[];
}

/** Runs `task` `count` times with at most `concurrency` in flight. */
export async function measure(count: number, concurrency: number, task: () => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  let started = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (started < count) {
      started += 1;
      const begin = performance.now();
      await task();
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { count, seconds: (performance.now() - t0) / 1000, latencies };
}

/** Several rounds of the same work as one run (rounds are interleaved with the other kinds to share the machine's noise). */
export function combine(runs: Run[]): Run {
  return {
    count: runs.reduce((sum, run) => sum + run.count, 0),
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
    latencies: runs.flatMap((run) => run.latencies),
  };
}

export function medianLatency(run: Run): number {
  return median(run.latencies);
}

export function perSecond(run: Run): number {
  return run.count / run.seconds;
}

export function describeRun(label: string, run: Run): string {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
  return `${label.padEnd(34)} ${perSecond(run).toFixed(2).padStart(7)} /s   p50 ${ms(percentile(sorted, 50))}   p95 ${ms(percentile(sorted, 95))}   max ${ms(sorted.at(-1)!)}   (${run.count} in ${run.seconds.toFixed(1)} s)`;
}
