/**
 * The bench harness every `npm run bench` shares (kept apart from the test helpers, which need a
 * running vitest): percentiles, bounded concurrent runs, throughput.
 */
export { median, percentile } from './percentile.ts';
export { combine, describeRun, measure, medianLatency, perSecond, type Run } from './measure.ts';
