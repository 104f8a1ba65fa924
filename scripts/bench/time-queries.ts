import { median } from '@portal/test-support/bench';
import type pg from 'pg';
import type { PortalQuery } from './portal-queries.ts';
import type { SampleParams } from './sample-ids.ts';

export interface QueryTiming {
  name: string;
  indexedMs: number;
  sequentialMs: number;
  rows: number;
}

async function timeQuery(client: pg.ClientBase, query: PortalQuery, params: string[], iterations: number) {
  const durations: number[] = [];
  let rows = 0;
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    const result = await client.query(query.sql, params);
    durations.push(performance.now() - started);
    rows = result.rowCount ?? 0;
  }
  return { ms: median(durations), rows };
}

/**
 * Times each query as the portal runs it, and again with index scans turned off (the baseline a
 * missing index would give), in the same connection.
 */
export async function timePortalQueries(
  client: pg.ClientBase,
  queries: PortalQuery[],
  sample: SampleParams,
  iterations: number,
): Promise<QueryTiming[]> {
  const timings: QueryTiming[] = [];
  for (const query of queries) {
    const params = query.params.map((kind) => sample[kind]);
    const indexed = await timeQuery(client, query, params, iterations);
    await client.query('set enable_indexscan = off; set enable_bitmapscan = off; set enable_indexonlyscan = off');
    const sequential = await timeQuery(client, query, params, Math.max(3, Math.floor(iterations / 10)));
    await client.query('reset enable_indexscan; reset enable_bitmapscan; reset enable_indexonlyscan');
    timings.push({ name: query.name, indexedMs: indexed.ms, sequentialMs: sequential.ms, rows: indexed.rows });
  }
  return timings;
}

export function formatTimings(timings: QueryTiming[]): string {
  const header = `${'query'.padEnd(44)} ${'rows'.padStart(5)} ${'indexed ms'.padStart(11)} ${'no-index ms'.padStart(12)} ${'speed-up'.padStart(9)}`;
  const lines = timings.map(
    (t) =>
      `${t.name.padEnd(44)} ${String(t.rows).padStart(5)} ${t.indexedMs.toFixed(3).padStart(11)} ${t.sequentialMs.toFixed(3).padStart(12)} ${`${(t.sequentialMs / t.indexedMs).toFixed(1)}x`.padStart(9)}`,
  );
  return [header, ...lines].join('\n');
}
