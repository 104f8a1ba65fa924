import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_INTEGRATORS } from '@portal/seed';
import { fetchIntegratorToken, JsonLinesSink, KeyRefusedError, startOrderFeed, type OrderFeed } from '../src/index.ts';
import { ADMIN_SECRET, startPortalServices, startRelay, type PortalServices } from './portal-services.ts';

const BLUEPEAK_KEY = DEMO_INTEGRATORS.find((integrator) => integrator.company === 'BLUEPEAK')!.apiKey;

let portal: PortalServices;
let relay: Awaited<ReturnType<typeof startRelay>>;
const feeds: OrderFeed[] = [];

beforeAll(async () => {
  portal = await startPortalServices();
  relay = await startRelay(portal.engineUrl);
});
afterAll(async () => {
  for (const feed of feeds) await feed.stop();
  await relay?.close();
  await portal?.stop();
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every event number the key's company has, in order: what a complete, duplicate-free feed holds. */
async function bluepeakEventNumbers(): Promise<number[]> {
  const { rows } = await portal.db.pool.query<{ event_number: string }>(
    `select e.event_number from public.order_status_events e join public.customers c on c.id = e.customer_id
      where c.customer_code = 'BLUEPEAK' order by e.event_number`,
  );
  return rows.map((row) => Number(row.event_number));
}

/** Moves one order of the company to the next status, as staff would (the trigger appends the event). */
async function moveAnOrder(customerCode: string, step: number): Promise<void> {
  const next = step % 2 === 0 ? 'ON_HOLD' : 'IN_PRODUCTION';
  const { rowCount } = await portal.db.pool.query(
    `update public.sales_orders set status = $2
      where id = (select o.id from public.sales_orders o join public.customers c on c.id = o.customer_id
                   where c.customer_code = $1 and o.status in ('CONFIRMED', 'IN_PRODUCTION', 'ON_HOLD') and o.status <> $2
                   order by o.placed_at desc, o.id limit 1)`,
    [customerCode, next],
  );
  expect(rowCount).toBe(1);
}

const numbersOf = async (sink: JsonLinesSink) => (await sink.events()).map((event) => event.event_number);

describe('the integrator example against the dev engine', () => {
  test('a wrong API key stops the feed with the refusal instead of retrying', async () => {
    await expect(fetchIntegratorToken(`${portal.engineUrl}/v1/graphql`, 'demo_bluepeak_erp.wrong-secret-wrong-secret')).rejects.toBeInstanceOf(KeyRefusedError);
  });

  test('through dropped sockets, a metadata change (1012), token renewals and a token expiry, every event arrives once and in order', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'integrator-'));
    const reasons = { renewing: [] as string[], expiring: [] as string[] };
    const follow = (name: keyof typeof reasons, refreshBeforeMs: number) => {
      const sink = new JsonLinesSink(join(folder, `${name}.jsonl`));
      const feed = startOrderFeed({
        graphqlUrl: `${relay.url}/v1/graphql`,
        apiKey: BLUEPEAK_KEY,
        sink,
        batchSize: 7,
        refreshBeforeMs,
        retryDelayMs: 200,
        log: (message, details) => {
          if (message === 'connection ended') reasons[name].push(String(details?.reason));
        },
      });
      feeds.push(feed);
      return sink;
    };
    // One renews its one-minute token 45 s early (every ~15 s); the other only 10 s after expiry, so the engine closes its socket first.
    const renewing = follow('renewing', 45_000);
    const expiring = follow('expiring', -10_000);
    const startedAt = Date.now();
    const complete = async (sink: JsonLinesSink) => JSON.stringify(await numbersOf(sink)) === JSON.stringify(await bluepeakEventNumbers());

    await until('the catch-up from cursor 0', async () => (await complete(renewing)) && (await complete(expiring)));
    expect((await numbersOf(renewing)).length).toBeGreaterThan(7);

    for (let step = 0; step < 3; step += 1) await moveAnOrder('BLUEPEAK', step);
    await moveAnOrder('MERIDIAN', 0);
    relay.dropAll();
    for (let step = 3; step < 6; step += 1) await moveAnOrder('BLUEPEAK', step);
    await until('the events after the dropped sockets', async () => (await complete(renewing)) && (await complete(expiring)));

    const reload = await fetch(`${portal.engineUrl}/v1/metadata`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hasura-admin-secret': ADMIN_SECRET },
      body: JSON.stringify({ type: 'reload_metadata', args: {} }),
    });
    expect(reload.status).toBe(200);
    for (let step = 6; step < 9; step += 1) await moveAnOrder('BLUEPEAK', step);
    await until('the events after the metadata change', async () => (await complete(renewing)) && (await complete(expiring)));

    // Past the first token's minute: the engine has closed the non-renewing feed's socket.
    await until('the first token to expire', async () => reasons.expiring.some((reason) => reason.includes('4400')), 90_000 - (Date.now() - startedAt));
    for (let step = 9; step < 12; step += 1) await moveAnOrder('BLUEPEAK', step);
    await until('the events after the expiry', async () => (await complete(renewing)) && (await complete(expiring)));

    for (const sink of [renewing, expiring]) {
      const numbers = await numbersOf(sink);
      expect(new Set(numbers).size, 'no event written twice').toBe(numbers.length);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(numbers).toEqual(await bluepeakEventNumbers());
    }
    expect(reasons.renewing).toContain('token renewal');
    for (const list of Object.values(reasons)) expect(list.some((reason) => reason.includes('1012'))).toBe(true);
    expect(reasons.expiring).not.toContain('token renewal');
  }, 150_000);
});
