import { cpus, loadavg } from 'node:os';
import type { BenchCustomer } from './bench-customers.ts';
import type { BenchDatabase } from './bench-database.ts';
import type { BenchOptions } from './bench-options.ts';

/** `uptime`'s three load averages, and how many cores share them. */
export function machineLoad(): string {
  return `load average ${loadavg().map((n) => n.toFixed(2)).join(', ')} (1/5/15 min) on ${cpus().length} cores`;
}

const number = (n: number | undefined) => (n ?? 0).toLocaleString('en-US');

/** What the run measured on: machine, data set, customers and load settings. */
export function formatContext(options: BenchOptions, database: BenchDatabase, customers: BenchCustomer[]): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const rows = database.rows;
  const orders = customers.map((c) => c.orders);
  const amount = options.requests === undefined ? `${options.seconds} s` : `${number(options.requests)} requests`;
  return [
    `machine    ${cpus().length} × ${cpu}, Node ${process.version}, ${process.platform}; ${machineLoad()} at start`,
    `database   ${database.server}; --scale ${options.scale} + demo seeded in ${database.seedSeconds.toFixed(1)} s`,
    `           ${number(rows.customers)} customers, ${number(rows.sales_orders)} orders, ${number(rows.sales_order_lines)} order lines, ` +
      `${number(rows.order_status_events)} status events, ${number(rows.proofs)} proofs, ${number(rows.quotes)} quotes`,
    `customers  ${customers.length} busiest of the --scale tenant in rotation (${Math.min(...orders)}–${Math.max(...orders)} orders each); ` +
      'engine requests as role customer_user with an HS256 JWT',
    `load       ${options.concurrency} concurrent requests per target (closed loop, keep-alive), ${amount} measured per target ` +
      `and scenario in ${options.rounds} round(s), after ${options.warmupSeconds} s warm-up each`,
  ].join('\n');
}

/** What the figures do and do not say. */
export const NOTES = `Notes
- Before timing, every target's answer was checked for each customer: the engine's SQL and the
  hand-written SQL return the engine's JSON exactly; PostGraphile the same ids and counts.
- The engine and PostGraphile each run in a child process; this process generates the load and
  runs the pg baseline; PostgreSQL shares the same cores. Absolute figures are this machine's at
  its load; ratios between targets measured side by side (in alternating rounds) say more.
- engine ÷ engine's SQL: what HTTP, JWT verification, GraphQL parsing and validation, SQL
  compilation and the request log add to the very statement the engine sends.
- engine's SQL ÷ hand-written: the cost of the generated statement, which also applies each
  table's permission filter (e.g. order lines are checked through their order's customer).
- PostGraphile v4 serves without authentication and without row filters (no JWT, no pgSettings,
  no RLS policies), the customer given as a condition: the comparison covers turning the same
  reads into SQL and JSON over HTTP, not authorization, which here only the engine pays. With
  RLS and JWTs PostGraphile would add policies to each query and a transaction with
  set_config/set role per request. Its dashboard sends six counts (one per open status: v4 has
  no "in" condition without a plugin) where the engine sends three aggregates.
- No pass/fail: timings vary with machine load and are never asserted.`;
