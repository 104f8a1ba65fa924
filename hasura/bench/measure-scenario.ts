import { combineRuns, runLoad, type LoadResult, type Task } from './load-generator.ts';

/** What is measured for every scenario, in report order. */
export const TARGETS = [
  { key: 'engine', label: 'dev engine, HTTP + JWT' },
  { key: 'engineSql', label: "engine's own SQL via pg" },
  { key: 'handSql', label: 'hand-written SQL via pg' },
  { key: 'postgraphile', label: 'PostGraphile v4, HTTP' },
] as const;

export type TargetKey = (typeof TARGETS)[number]['key'];

export interface MeasureSettings {
  concurrency: number;
  seconds: number;
  requests: number | undefined;
  rounds: number;
  warmupSeconds: number;
}

/**
 * Warms every target up, then measures them in rounds: each round gives every target its share of
 * the time (or requests), starting with a different target each round, so that a change in the
 * machine's load during the run is spread over all of them rather than landing on one.
 */
export async function measureScenario(tasks: Record<TargetKey, Task>, settings: MeasureSettings): Promise<Record<TargetKey, LoadResult>> {
  const { concurrency, rounds } = settings;
  if (settings.warmupSeconds > 0) {
    for (const { key } of TARGETS) await runLoad(tasks[key], { concurrency, seconds: settings.warmupSeconds });
  }
  const share = {
    concurrency,
    seconds: settings.seconds / rounds,
    requests: settings.requests === undefined ? undefined : Math.ceil(settings.requests / rounds),
  };
  const runs = new Map<TargetKey, LoadResult[]>(TARGETS.map(({ key }) => [key, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < TARGETS.length; i++) {
      const { key } = TARGETS[(round + i) % TARGETS.length]!;
      runs.get(key)!.push(await runLoad(tasks[key], share));
    }
  }
  return Object.fromEntries(TARGETS.map(({ key }) => [key, combineRuns(runs.get(key)!)])) as Record<TargetKey, LoadResult>;
}
