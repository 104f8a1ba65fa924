import { performance } from 'node:perf_hooks';
import { withClient } from '@portal/dev-db';
import { percentile } from '@portal/test-support/bench';
import { busiestCustomers, type BenchCustomer } from './bench-customers.ts';
import { customerUserToken, integratorUserToken } from './customer-token.ts';
import type { EngineProbe, ProbeRequest } from './engine-process.ts';
import type { ServerProcess } from './server-process.ts';
import { openSubscriber, type WsSubscriber } from './ws-subscriber.ts';

/** The subscription scenario's size; read with the other bench options. */
export interface SubscriptionOptions {
  subscribers: number;
  streams: number;
  subscriptionCustomers: number;
  updatesPerSecond: number;
  changeSeconds: number;
}

export interface SubscriptionFigures {
  subscribers: number;
  streams: number;
  customers: number;
  groups: number;
  updates: number;
  /** UPDATE commit → message at the client, ms, every delivery. */
  latenciesMs: number[];
  missedDeliveries: number;
  idleStatementsPerSecond: number;
  changeStatementsPerSecond: number;
  heapBytesPerSubscriber: number;
  streamEvents: number;
}

/** The portal's order page subscription. */
const ORDER_QUERY = 'subscription OrderStatus($id: uuid!) { sales_orders_by_pk(id: $id) { id status tracking_number } }';
/** An integrator's feed. */
const STREAM_QUERY = 'subscription Feed($from: bigint!) { order_status_events_stream(batch_size: 100, cursor: {initial_value: {event_number: $from}}) { event_number order_id to_status } }';
const IDLE_SECONDS = 5;
const TAIL_SECONDS = 3;
const OPEN_CHUNK = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const probe = (engine: ServerProcess) => engine.call<EngineProbe>({ probe: true } satisfies ProbeRequest);

interface Context {
  engine: ServerProcess;
  databaseUrl: string;
  tenantId: string;
  jwtKey: string;
}

/** Deliveries seen at the clients: the tracking number each carried and when it arrived. */
type Deliveries = Array<{ tracking: string; at: number }>;

async function openAll(ctx: Context, customers: BenchCustomer[], count: number, deliveries: Deliveries): Promise<WsSubscriber[]> {
  const subscribers: WsSubscriber[] = [];
  for (let start = 0; start < count; start += OPEN_CHUNK) {
    const chunk = Array.from({ length: Math.min(OPEN_CHUNK, count - start) }, (_, i) => {
      const customer = customers[(start + i) % customers.length]!;
      const onData = (data: { sales_orders_by_pk: { tracking_number: string | null } | null }) => {
        const tracking = data.sales_orders_by_pk?.tracking_number;
        if (tracking) deliveries.push({ tracking, at: performance.now() });
      };
      return openSubscriber(`${ctx.engine.url}/v1/graphql`, customerUserToken(customer, ctx.jwtKey), ORDER_QUERY, { id: customer.orderId }, onData);
    });
    await Promise.all(chunk.map((subscriber) => subscriber.first));
    subscribers.push(...chunk);
  }
  return subscribers;
}

async function openStreams(ctx: Context, count: number, onEvents: (n: number) => void): Promise<WsSubscriber[]> {
  const { clientId, from } = await withClient(ctx.databaseUrl, async (client) => ({
    clientId: (await client.query<{ id: string }>('select id from public.integrator_clients where tenant_id = $1 and customer_id is null and active limit 1', [ctx.tenantId])).rows[0]!.id,
    from: (await client.query<{ n: string }>('select coalesce(max(event_number), 0)::text as n from public.order_status_events')).rows[0]!.n,
  }));
  const token = integratorUserToken(clientId, ctx.tenantId, ctx.jwtKey);
  const streams = Array.from({ length: count }, () => openSubscriber(`${ctx.engine.url}/v1/graphql`, token, STREAM_QUERY, { from }, (data) => onEvents(data.order_status_events_stream.length)));
  // A stream sends nothing until there is a row after its cursor: its first batch comes with the first change.
  return streams;
}

/** Staff moves orders at a fixed rate: a new tracking number (and a status change, which the streams see) per update. */
async function runUpdates(ctx: Context, customers: BenchCustomer[], options: SubscriptionOptions): Promise<Map<string, number>> {
  const committedAt = new Map<string, number>();
  const total = Math.round(options.updatesPerSecond * options.changeSeconds);
  const started = performance.now();
  await withClient(ctx.databaseUrl, async (client) => {
    for (let k = 0; k < total; k++) {
      await sleep(Math.max(0, started + (k * 1000) / options.updatesPerSecond - performance.now()));
      const tracking = `BENCH-${k}-${Date.now()}`;
      await client.query(
        `update public.sales_orders set tracking_number = $1, status = case when status = 'ON_HOLD' then 'IN_PRODUCTION' else 'ON_HOLD' end where id = $2`,
        [tracking, customers[k % customers.length]!.orderId],
      );
      committedAt.set(tracking, performance.now());
    }
  });
  return committedAt;
}

async function statementsPerSecond(engine: ServerProcess, seconds: number, during: () => Promise<unknown> = () => sleep(seconds * 1000)): Promise<number> {
  const before = await probe(engine);
  const started = performance.now();
  await during();
  const after = await probe(engine);
  return (after.statements - before.statements) / ((performance.now() - started) / 1000);
}

/**
 * `subscribers` order-page live queries over `subscriptionCustomers` customers (one order each,
 * several pages per order) plus `streams` integrator streams; then staff updates at a fixed rate.
 */
export async function runSubscriptionScenario(ctx: Context, options: SubscriptionOptions): Promise<SubscriptionFigures> {
  const customers = await withClient(ctx.databaseUrl, (client) => busiestCustomers(client, ctx.tenantId, options.subscriptionCustomers));
  const deliveries: Deliveries = [];
  let streamEvents = 0;
  const baseline = await probe(ctx.engine);
  const subscribers = await openAll(ctx, customers, options.subscribers, deliveries);
  const streams = await openStreams(ctx, options.streams, (n) => (streamEvents += n));
  await sleep(2000);
  const loaded = await probe(ctx.engine);
  try {
    const idle = await statementsPerSecond(ctx.engine, IDLE_SECONDS);
    let committedAt = new Map<string, number>();
    const change = await statementsPerSecond(ctx.engine, options.changeSeconds, async () => {
      committedAt = await runUpdates(ctx, customers, options);
    });
    await sleep(TAIL_SECONDS * 1000);
    const latenciesMs = deliveries.filter((d) => committedAt.has(d.tracking)).map((d) => Math.max(0, d.at - committedAt.get(d.tracking)!)).sort((a, b) => a - b);
    const perOrder = (k: number) => Math.floor(options.subscribers / customers.length) + (k % customers.length < options.subscribers % customers.length ? 1 : 0);
    const expected = [...committedAt.keys()].reduce((sum, _, k) => sum + perOrder(k), 0);
    return {
      subscribers: subscribers.length,
      streams: streams.length,
      customers: customers.length,
      groups: loaded.groups,
      updates: committedAt.size,
      latenciesMs,
      missedDeliveries: expected - latenciesMs.length,
      idleStatementsPerSecond: idle,
      changeStatementsPerSecond: change,
      heapBytesPerSubscriber: (loaded.heapUsedBytes - baseline.heapUsedBytes) / (subscribers.length + streams.length),
      streamEvents,
    };
  } finally {
    for (const subscriber of [...subscribers, ...streams]) subscriber.close();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** The scenario's figures as the bench prints them. */
export function formatSubscriptionFigures(f: SubscriptionFigures, refetchMs: number): string {
  const p = (q: number) => ms(percentile(f.latenciesMs, q));
  return [
    `subscriptions: ${f.subscribers} live queries (order page) over ${f.customers} customers + ${f.streams} integrator streams, ${f.groups} multiplexed groups, refetch ${refetchMs} ms`,
    `  UPDATE commit → message   p50 ${p(50)}   p95 ${p(95)}   p99 ${p(99)}   (${f.latenciesMs.length} deliveries of ${f.updates} updates, ${f.missedDeliveries} missed)`,
    `  SQL statements / s        idle ${f.idleStatementsPerSecond.toFixed(1)}   under ${f.updates} updates ${f.changeStatementsPerSecond.toFixed(1)}`,
    `  engine heap / subscriber  ${(f.heapBytesPerSubscriber / 1024).toFixed(1)} KiB (heap growth after subscribing, without a forced GC)`,
    `  stream events delivered   ${f.streamEvents} (over ${f.streams} streams)`,
  ].join('\n');
}
