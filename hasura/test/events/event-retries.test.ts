import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import type { EventRetryConf, EventTriggerMetadata } from '@portal/hasura-metadata';
import { allSettled, eventsOf, invocationsOf, type EventLogRow } from './event-log.ts';
import { collectingLogger, createParcelTable, eventually, ManualClock, metadataOnDisk, startEventing } from './eventing-fixture.ts';
import { WebhookReceiver, type Reply } from './webhook-receiver.ts';

let db: TestDatabase;
let receiver: WebhookReceiver;
const clock = new ManualClock(new Date('2030-05-01T12:00:00Z'));

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await WebhookReceiver.start();
});
afterAll(async () => receiver?.close());

function insertTrigger(name: string, retry_conf: EventRetryConf): EventTriggerMetadata {
  return { name, definition: { insert: { columns: '*' } }, retry_conf, webhook: `${receiver.baseUrl}/${name}` };
}

async function start(table: string, triggerName: string, retryConf: EventRetryConf, replies: Reply[]) {
  await createParcelTable(db, table);
  receiver.received.length = 0;
  receiver.replyWith((_, index) => replies[index] ?? { status: 200, body: '{"late":true}' });
  const metadata = metadataOnDisk([{ table, event_triggers: [insertTrigger(triggerName, retryConf)] }]);
  const eventing = await startEventing(db, metadata, { clock, logger: collectingLogger() });
  return { ...eventing, metadata };
}

/** The single event of `trigger` once its attempt `tries` is recorded and it is unlocked. */
async function afterAttempt(trigger: string, tries: number): Promise<EventLogRow> {
  let row: EventLogRow | undefined;
  await eventually(async () => {
    [row] = await eventsOf(db.pool, trigger);
    return row !== undefined && row.tries === tries && row.locked === null;
  });
  return row!;
}

describe('retry_conf', () => {
  test('a webhook that fails twice then succeeds is retried every interval_sec, across an engine restart', async () => {
    const failing = { status: 500, body: '{"error":"busy"}' };
    const { metadata, processing } = await start('retried_parcels', 'retried_changes', { num_retries: 2, interval_sec: 30, timeout_sec: 5 }, [failing, failing]);
    await db.pool.query(`insert into retried_parcels values (1, 'box', 1, null)`);

    const first = await afterAttempt('retried_changes', 1);
    expect(first).toMatchObject({ delivered: false, error: false });
    expect(first.next_retry_at).toEqual(new Date('2030-05-01T12:00:30Z'));
    clock.advance(30);
    const second = await afterAttempt('retried_changes', 2);
    expect(second.next_retry_at).toEqual(new Date('2030-05-01T12:01:00Z'));

    await processing.stop();
    await startEventing(db, metadata, { clock, logger: collectingLogger() });
    clock.advance(30);
    const third = await afterAttempt('retried_changes', 3);
    expect(third).toMatchObject({ delivered: true, error: false, next_retry_at: null });

    expect(receiver.received.map((request) => request.body.delivery_info)).toEqual([
      { max_retries: 2, current_retry: 0 },
      { max_retries: 2, current_retry: 1 },
      { max_retries: 2, current_retry: 2 },
    ]);
    const invocations = await invocationsOf(db.pool, third.id);
    expect(invocations.map((invocation) => [invocation.status, invocation.response.type])).toEqual([
      [500, 'client_error'],
      [500, 'client_error'],
      [200, 'webhook_response'],
    ]);
    expect(invocations[0]!.response.data).toEqual({ message: '{"error":"busy"}' });
  });

  test('when num_retries is used up the event is marked error and left alone', async () => {
    const failing = { status: 502 };
    await start('failed_parcels', 'failed_changes', { num_retries: 1, interval_sec: 10 }, [failing, failing]);
    await db.pool.query(`insert into failed_parcels values (1, 'box', 1, null)`);
    await afterAttempt('failed_changes', 1);
    clock.advance(10);
    const last = await afterAttempt('failed_changes', 2);
    expect(last).toMatchObject({ delivered: false, error: true, next_retry_at: null });
    expect(receiver.received).toHaveLength(2);
  });

  test('a Retry-After header on a failure sets the next attempt, even with no retries configured', async () => {
    await start('throttled_parcels', 'throttled_changes', { num_retries: 0, interval_sec: 10 }, [{ status: 429, headers: { 'Retry-After': '120' } }]);
    await db.pool.query(`insert into throttled_parcels values (1, 'box', 1, null)`);
    const throttled = await afterAttempt('throttled_changes', 1);
    expect(throttled).toMatchObject({ error: false, delivered: false });
    expect(throttled.next_retry_at!.getTime() - clock.now().getTime()).toBe(120_000);
    clock.advance(120);
    expect(await afterAttempt('throttled_changes', 2)).toMatchObject({ delivered: true });
  });

  test('no answer within timeout_sec is a failed attempt with no status, then retried', async () => {
    await start('slow_parcels', 'slow_changes', { num_retries: 1, interval_sec: 5, timeout_sec: 1 }, [{ hang: true }]);
    await db.pool.query(`insert into slow_parcels values (1, 'box', 1, null)`);
    const timedOut = await afterAttempt('slow_changes', 1);
    const [invocation] = await invocationsOf(db.pool, timedOut.id);
    expect(invocation!.status).toBeNull();
    expect(invocation!.response.type).toBe('client_error');
    expect(JSON.parse(invocation!.response.data.message)).toMatchObject({ type: 'http_exception', message: expect.stringMatching(/timeout/i) });
    clock.advance(5);
    await eventually(() => allSettled(db.pool, 'slow_changes', 1));
    expect(await afterAttempt('slow_changes', 2)).toMatchObject({ delivered: true });
  });
});
