/** One request; `index` picks the customer (requests rotate over them). Rejects on any error. */
export type Task = (index: number) => Promise<unknown>;

/** How much work one run does: a duration, or a number of requests when `requests` is set. */
export interface LoadPlan {
  concurrency: number;
  seconds: number;
  requests?: number | undefined;
}

export interface LoadResult {
  /** Requests that succeeded (only these have latencies). */
  requests: number;
  errors: number;
  firstError: string | undefined;
  /** Wall-clock time from the first request to the last answer. */
  seconds: number;
  latenciesMs: number[];
}

/**
 * Keeps `plan.concurrency` requests in flight (closed loop: each worker sends its next request when
 * the previous one is answered) until the duration is over or the request budget is spent.
 */
export async function runLoad(task: Task, plan: LoadPlan): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + plan.seconds * 1000;
  const more = () => (plan.requests === undefined ? performance.now() < deadline : next < plan.requests);
  const worker = async () => {
    while (more()) {
      const index = next++;
      const begin = performance.now();
      try {
        await task(index);
        latenciesMs.push(performance.now() - begin);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  return { requests: latenciesMs.length, errors, firstError, seconds: (performance.now() - started) / 1000, latenciesMs };
}

/** Several runs of the same target (the rounds) as one result. */
export function combineRuns(runs: LoadResult[]): LoadResult {
  return {
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    firstError: runs.find((run) => run.firstError !== undefined)?.firstError,
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
    latenciesMs: runs.flatMap((run) => run.latenciesMs),
  };
}
