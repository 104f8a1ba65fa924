import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../../src/engine/index.ts';
import { startEventProcessing } from '../../src/events/index.ts';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import type { EventTriggerMetadata } from '@portal/hasura-metadata';
import { allSettled, eventsOf, invocationsOf, sqlTriggersOn } from './event-log.ts';
import { collectingLogger, createParcelTable, eventually, ManualClock, metadataOnDisk, startEventing } from './eventing-fixture.ts';
import { WebhookReceiver } from './webhook-receiver.ts';

let db: TestDatabase;
let receiver: WebhookReceiver;
const clock = new ManualClock(new Date('2030-03-01T08:00:00Z'));
const SECRET = 'shared-secret-value';

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await WebhookReceiver.start();
});
afterAll(async () => receiver?.close());

function env(): NodeJS.ProcessEnv {
  return { PARCEL_WEBHOOK: `${receiver.baseUrl}/parcel-events`, PARCEL_SECRET: SECRET };
}

function trigger(name: string, overrides: Partial<EventTriggerMetadata> = {}): EventTriggerMetadata {
  return {
    name,
    definition: { enable_manual: false, insert: { columns: '*' }, update: { columns: ['label', 'weight'] }, delete: { columns: '*' } },
    retry_conf: { num_retries: 0, interval_sec: 10, timeout_sec: 10 },
    webhook_from_env: 'PARCEL_WEBHOOK',
    headers: [{ name: 'X-Webhook-Secret', value_from_env: 'PARCEL_SECRET' }, { name: 'X-Source', value: 'portal' }],
    ...overrides,
  };
}

async function eventingOn(table: string, triggers: EventTriggerMetadata[]) {
  await createParcelTable(db, table);
  receiver.received.length = 0;
  return startEventing(db, metadataOnDisk([{ table, event_triggers: triggers }]), { clock, logger: collectingLogger(), env: env() });
}

describe('capture and delivery', () => {
  test('insert, update of a listed column, update of an unlisted column and delete give exactly three events with Hasura’s payload', async () => {
    await eventingOn('parcels', [trigger('parcel_changes')]);
    await db.pool.query(`insert into parcels values (1, 'box', 5, 'fragile')`);
    await db.pool.query(`update parcels set label = 'crate' where id = 1`);
    await db.pool.query(`update parcels set note = 'this side up' where id = 1`);
    await db.pool.query(`update parcels set weight = 5 where id = 1`);
    await db.pool.query(`delete from parcels where id = 1`);

    expect((await eventsOf(db.pool, 'parcel_changes')).map((row) => row.payload.op)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    await eventually(() => allSettled(db.pool, 'parcel_changes', 3));
    const rows = await eventsOf(db.pool, 'parcel_changes');
    expect(rows.every((row) => row.delivered && row.tries === 1)).toBe(true);
    expect(receiver.received).toHaveLength(3);

    const byOp = new Map(receiver.received.map((request) => [request.body.event.op, request]));
    const box = { id: 1, label: 'box', weight: 5, note: 'fragile' };
    const crate = { ...box, label: 'crate' };
    const deleted = { ...crate, note: 'this side up' };
    const expected: Record<string, { old: object | null; new: object | null }> = {
      INSERT: { old: null, new: box },
      UPDATE: { old: box, new: crate },
      DELETE: { old: deleted, new: null },
    };
    for (const row of rows) {
      const request = byOp.get(row.payload.op)!;
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/parcel-events');
      expect(request.body).toEqual({
        event: { session_variables: null, op: row.payload.op, data: expected[row.payload.op], trace_context: null },
        created_at: row.created_at.toISOString().replace('.000Z', 'Z'),
        id: row.id,
        delivery_info: { max_retries: 0, current_retry: 0 },
        trigger: { name: 'parcel_changes' },
        table: { schema: 'public', name: 'parcels' },
      });
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['user-agent']).toMatch(/^hasura-graphql-engine\//);
      expect(request.headers['x-webhook-secret']).toBe(SECRET);
      expect(request.headers['x-source']).toBe('portal');
    }
  });

  test('every attempt is recorded with its request and response; from-env header values are never stored', async () => {
    const rows = await eventsOf(db.pool, 'parcel_changes');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [invocation, ...more] = await invocationsOf(db.pool, row.id);
      expect(more).toEqual([]);
      expect(invocation).toMatchObject({ trigger_name: 'parcel_changes', status: 200 });
      expect(invocation!.request.version).toBe('2');
      expect(invocation!.request.payload.id).toBe(row.id);
      expect(invocation!.request.headers).toContainEqual({ name: 'X-Webhook-Secret', value_from_env: 'PARCEL_SECRET' });
      expect(invocation!.request.headers).toContainEqual({ name: 'X-Source', value: 'portal' });
      expect(JSON.stringify(invocation)).not.toContain(SECRET);
      expect(invocation!.response).toMatchObject({ type: 'webhook_response', version: '2', data: { status: 200, body: '{"ok":true}' } });
    }
  });

  test('`payload` limits the columns sent; the session comes from hasura.user when a transaction sets it', async () => {
    const { webhook_from_env: _, headers: __, ...base } = trigger('parcel_labels');
    const limited = { ...base, definition: { insert: { columns: '*' as const, payload: ['id', 'label'] } }, webhook: `${receiver.baseUrl}/labels` };
    await eventingOn('labelled_parcels', [limited]);
    const client = await db.pool.connect();
    const session = { 'x-hasura-role': 'staff', 'x-hasura-user-id': 'u-1' };
    try {
      await client.query('begin');
      await client.query("select set_config('hasura.user', $1, true)", [JSON.stringify(session)]);
      await client.query(`insert into labelled_parcels values (1, 'tube', 2, 'long')`);
      await client.query('commit');
      await client.query(`insert into labelled_parcels values (2, 'sack', 9, null)`);
    } finally {
      client.release();
    }
    await eventually(() => allSettled(db.pool, 'parcel_labels', 2));
    const bodies = receiver.received.map((request) => request.body.event).sort((a, b) => a.data.new.id - b.data.new.id);
    expect(bodies).toEqual([
      { op: 'INSERT', data: { old: null, new: { id: 1, label: 'tube' } }, session_variables: session, trace_context: null },
      { op: 'INSERT', data: { old: null, new: { id: 2, label: 'sack' } }, session_variables: null, trace_context: null },
    ]);
  });

  test('a rolled-back transaction produces no event', async () => {
    await eventingOn('rolled_parcels', [trigger('rolled_changes')]);
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query(`insert into rolled_parcels values (1, 'ghost', 1, null)`);
      await client.query(`update rolled_parcels set label = 'phantom' where id = 1`);
      await client.query('rollback');
    } finally {
      client.release();
    }
    await db.pool.query(`insert into rolled_parcels values (2, 'real', 1, null)`);
    await eventually(() => allSettled(db.pool, 'rolled_changes', 1));
    expect(receiver.received.map((request) => request.body.event.data.new)).toEqual([{ id: 2, label: 'real', weight: 1, note: null }]);
  });
});

describe('lifecycle', () => {
  test('an event captured while event processing is stopped is delivered after it starts', async () => {
    const first = await eventingOn('waiting_parcels', [trigger('waiting_changes')]);
    await first.processing.stop();
    await db.pool.query(`insert into waiting_parcels values (7, 'parked', 3, null)`);
    const [pending] = await eventsOf(db.pool, 'waiting_changes');
    expect(pending).toMatchObject({ delivered: false, tries: 0 });
    expect(receiver.received).toEqual([]);

    const metadata = metadataOnDisk([{ table: 'waiting_parcels', event_triggers: [trigger('waiting_changes')] }]);
    await startEventing(db, metadata, { clock, logger: collectingLogger(), env: env() });
    await eventually(() => allSettled(db.pool, 'waiting_changes', 1));
    expect(receiver.received.map((request) => request.body.id)).toEqual([pending!.id]);
  });

  test('a trigger that disappears from the metadata is removed from the database and its pending events archived', async () => {
    const { engine, processing } = await eventingOn('retired_parcels', [trigger('retired_changes')]);
    expect(await sqlTriggersOn(db.pool, 'retired_parcels')).toEqual([
      'notify_hasura_retired_changes_DELETE',
      'notify_hasura_retired_changes_INSERT',
      'notify_hasura_retired_changes_UPDATE',
    ]);
    await processing.stop();
    await db.pool.query(`insert into retired_parcels values (1, 'old', 1, null)`);

    await engine.replaceMetadata(metadataOnDisk([{ table: 'retired_parcels' }]));
    await startEventing(db, engine.metadata, { clock, logger: collectingLogger(), env: env() });
    expect(await sqlTriggersOn(db.pool, 'retired_parcels')).toEqual([]);
    await db.pool.query(`insert into retired_parcels values (2, 'new', 1, null)`);
    const rows = await eventsOf(db.pool, 'retired_changes');
    expect(rows.map((row) => [row.payload.data.new.id, row.archived, row.delivered])).toEqual([[1, true, false]]);
  });

  test('a running engine applies a metadata change at its next poll', async () => {
    const { engine, processing } = await eventingOn('growing_parcels', []);
    expect(await sqlTriggersOn(db.pool, 'growing_parcels')).toEqual([]);
    const growing = trigger('growing_changes', { definition: { insert: { columns: '*' } }, trigger_on_replication: true });
    await engine.replaceMetadata(metadataOnDisk([{ table: 'growing_parcels', event_triggers: [growing] }]));
    await eventually(async () => (await sqlTriggersOn(db.pool, 'growing_parcels')).length === 1);
    const mode = await db.pool.query(`select tgenabled from pg_trigger where tgname = 'notify_hasura_growing_changes_INSERT'`);
    expect(mode.rows).toEqual([{ tgenabled: 'A' }]);
    await processing.refresh();
    await db.pool.query(`insert into growing_parcels values (1, 'seed', 1, null)`);
    await eventually(() => allSettled(db.pool, 'growing_changes', 1));
    expect(receiver.received).toHaveLength(1);
  });

  test('two engines polling one database deliver each event exactly once', async () => {
    const triggers = [trigger('shared_changes', { definition: { insert: { columns: '*' } } })];
    const { engine } = await eventingOn('shared_parcels', triggers);
    const otherPool = new pg.Pool({ connectionString: db.url, max: 4 });
    const other = await startEventProcessing(await Engine.start(engine.metadata, otherPool), { clock, logger: collectingLogger(), env: env(), pollIntervalMs: 5, batchSize: 3 });
    try {
      await db.pool.query(`insert into shared_parcels select n, 'p' || n, n, null from generate_series(1, 40) as n`);
      await eventually(() => allSettled(db.pool, 'shared_changes', 40));
    } finally {
      await other.stop();
      await otherPool.end();
    }
    const ids = receiver.received.map((request) => request.body.event.data.new.id).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
