import { percentile } from '@portal/test-support/bench';
import type { LoadResult } from './load-generator.ts';

/** A target's figures for one scenario. */
export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  firstError: string | undefined;
}


export function figures(result: LoadResult): Figures {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests / result.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests: result.requests,
    errors: result.errors,
    firstError: result.firstError,
  };
}
