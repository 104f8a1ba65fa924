import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import type { CronTriggerMetadata } from '@portal/hasura-metadata';
import { collectingLogger, eventually, ManualClock, metadataOnDisk, startEventing } from '../events/eventing-fixture.ts';
import { WebhookReceiver } from '../events/webhook-receiver.ts';

let db: TestDatabase;
let receiver: WebhookReceiver;

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await WebhookReceiver.start();
});
afterAll(async () => receiver?.close());
beforeEach(() => receiver.replyWith(() => ({ status: 200 })));

interface CronEventRow {
  id: string;
  scheduled_time: Date;
  status: string;
  tries: number;
  next_retry_at: Date | null;
}

async function cronEvents(pool: pg.Pool, trigger: string, status?: string): Promise<CronEventRow[]> {
  const result = await pool.query<CronEventRow>(
    `select id, scheduled_time, status, tries, next_retry_at from hdb_catalog.hdb_cron_events
     where trigger_name = $1 and ($2::text is null or status = $2) order by scheduled_time`,
    [trigger, status ?? null],
  );
  return result.rows;
}

function cronTrigger(name: string, overrides: Partial<CronTriggerMetadata> = {}): CronTriggerMetadata {
  return {
    name,
    webhook: '{{CRON_BASE_URL}}/cron/' + name,
    schedule: '* * * * *',
    include_in_metadata: true,
    payload: { job: name },
    headers: [{ name: 'X-Cron-Secret', value_from_env: 'CRON_SECRET' }],
    retry_conf: { num_retries: 0, retry_interval_seconds: 10, timeout_seconds: 5, tolerance_seconds: 3600 },
    ...overrides,
  };
}

async function startCron(trigger: CronTriggerMetadata, clock: ManualClock) {
  const env = { CRON_BASE_URL: receiver.baseUrl, CRON_SECRET: 'cron-secret' };
  return startEventing(db, metadataOnDisk([], [trigger]), { clock, logger: collectingLogger(), env });
}

function scheduledTimesReceived(trigger: string): string[] {
  return receiver.received.filter((request) => request.body.name === trigger).map((request) => request.body.scheduled_time);
}

async function delivered(trigger: string, count: number): Promise<void> {
  await eventually(async () => (await cronEvents(db.pool, trigger, 'delivered')).length === count);
}

describe('cron triggers', () => {
  test('a trigger fires once per scheduled time, across restarts and runs missed while stopped', async () => {
    const clock = new ManualClock(new Date('2030-01-01T00:00:30Z'));
    const first = await startCron(cronTrigger('sweep', { comment: 'nightly sweep' }), clock);
    const stored = await cronEvents(db.pool, 'sweep');
    expect(stored).toHaveLength(100);
    expect(stored[0]!.scheduled_time).toEqual(new Date('2030-01-01T00:01:00Z'));

    clock.set(new Date('2030-01-01T00:01:05Z'));
    await delivered('sweep', 1);
    const [request] = receiver.received.filter((r) => r.body.name === 'sweep');
    expect(request!.path).toBe('/cron/sweep');
    expect(request!.headers['x-cron-secret']).toBe('cron-secret');
    expect(request!.body).toEqual({
      scheduled_time: '2030-01-01T00:01:00Z',
      payload: { job: 'sweep' },
      name: 'sweep',
      id: stored[0]!.id,
      comment: 'nightly sweep',
    });

    await first.processing.stop();
    clock.set(new Date('2030-01-01T00:03:10Z'));
    const second = await startCron(cronTrigger('sweep', { comment: 'nightly sweep' }), clock);
    await delivered('sweep', 3);
    await second.processing.stop();

    await startCron(cronTrigger('sweep', { comment: 'nightly sweep' }), clock);
    clock.set(new Date('2030-01-01T00:04:01Z'));
    await delivered('sweep', 4);
    expect(scheduledTimesReceived('sweep')).toEqual([
      '2030-01-01T00:01:00Z',
      '2030-01-01T00:02:00Z',
      '2030-01-01T00:03:00Z',
      '2030-01-01T00:04:00Z',
    ]);
    const duplicates = await db.pool.query(
      `select scheduled_time from hdb_catalog.hdb_cron_events where trigger_name = 'sweep' group by 1 having count(*) > 1`,
    );
    expect(duplicates.rows).toEqual([]);
  });

  test('runs later than tolerance_seconds are dead; a failed run is retried per retry_conf', async () => {
    const clock = new ManualClock(new Date('2030-02-01T00:00:30Z'));
    const retry_conf = { num_retries: 1, retry_interval_seconds: 20, timeout_seconds: 5, tolerance_seconds: 60 };
    let reportCalls = 0;
    receiver.replyWith((request) => (request.body.name === 'report' && reportCalls++ === 0 ? { status: 503 } : { status: 200 }));
    await startCron(cronTrigger('report', { retry_conf, payload: undefined }), clock);

    clock.set(new Date('2030-02-01T00:03:30Z'));
    await eventually(async () => (await cronEvents(db.pool, 'report')).filter((row) => row.tries === 1).length === 1);
    const [dead1, dead2, retried] = await cronEvents(db.pool, 'report');
    expect([dead1!.status, dead2!.status]).toEqual(['dead', 'dead']);
    expect(retried).toMatchObject({ status: 'scheduled', tries: 1, next_retry_at: new Date('2030-02-01T00:03:50Z') });

    clock.advance(20);
    await delivered('report', 1);
    expect(scheduledTimesReceived('report')).toEqual(['2030-02-01T00:03:00Z', '2030-02-01T00:03:00Z']);
    expect(receiver.received.find((r) => r.body.name === 'report')!.body).toEqual({
      scheduled_time: '2030-02-01T00:03:00Z',
      payload: null,
      name: 'report',
      id: retried!.id,
    });
    const invocations = await db.pool.query(
      'select status, request, response from hdb_catalog.hdb_cron_event_invocation_logs where event_id = $1 order by created_at',
      [retried!.id],
    );
    expect(invocations.rows.map((row) => [row.status, row.response.type, row.request.version])).toEqual([
      [503, 'client_error', '1'],
      [200, 'webhook_response', '1'],
    ]);
    expect(JSON.stringify(invocations.rows)).not.toContain('cron-secret');
  });

  test('a schedule change replaces the future runs; a removed trigger loses its future runs', async () => {
    const clock = new ManualClock(new Date('2030-03-01T00:00:00Z'));
    const { engine, processing } = await startCron(cronTrigger('digest', { schedule: '*/5 * * * *' }), clock);
    const fiveMinutely = await cronEvents(db.pool, 'digest');
    expect(fiveMinutely.every((row) => row.scheduled_time.getUTCMinutes() % 5 === 0)).toBe(true);

    await engine.replaceMetadata(metadataOnDisk([], [cronTrigger('digest', { schedule: '0 6 * * *' })]));
    await processing.refresh();
    await eventually(async () => (await cronEvents(db.pool, 'digest')).length === 100);
    const daily = await cronEvents(db.pool, 'digest');
    expect(daily.every((row) => row.scheduled_time.getUTCHours() === 6 && row.scheduled_time.getUTCMinutes() === 0)).toBe(true);

    await engine.replaceMetadata(metadataOnDisk([], []));
    await processing.refresh();
    expect(await cronEvents(db.pool, 'digest')).toEqual([]);
  });
});
