import { beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import { Engine } from '../../src/engine/index.ts';
import { checkEventingSupport, planEventTriggers, startEventProcessing } from '../../src/events/index.ts';
import type { EventTriggerMetadata, HasuraMetadata } from '@portal/hasura-metadata';
import { UnsupportedFeatureError, type EngineModel, type TableInfo } from '../../src/model/index.ts';
import { collectingLogger, createParcelTable, metadataOnDisk } from './eventing-fixture.ts';

const FILE = 'databases/default/tables/public_parcels.yaml';

function metadataWith(trigger: EventTriggerMetadata, table = 'parcels'): HasuraMetadata {
  return {
    version: 3,
    sources: [{ name: 'default', kind: 'postgres', configuration: { connection_info: { database_url: 'postgres://unused' } }, tables: [{ table: { schema: 'public', name: table }, event_triggers: [trigger] }] }],
  };
}

/** The model of a database with `public.parcels (id, label)`. */
const MODEL = {
  source: 'default',
  tables: new Map([['public.parcels', { key: 'public.parcels', schema: 'public', name: 'parcels', columns: new Map([['id', {}], ['label', {}]]) } as unknown as TableInfo]]),
  roles: new Set(['admin']),
  inconsistencies: [],
} satisfies EngineModel;

function trigger(overrides: Partial<EventTriggerMetadata> = {}): EventTriggerMetadata {
  return { name: 'parcel_changes', definition: { insert: { columns: '*' } }, retry_conf: { num_retries: 1, interval_sec: 5 }, webhook: 'http://127.0.0.1:9/hook', ...overrides };
}

function unsupported(metadata: HasuraMetadata): UnsupportedFeatureError {
  try {
    planEventTriggers(metadata, MODEL, {});
  } catch (error) {
    expect(() => checkEventingSupport(metadata)).toThrow(UnsupportedFeatureError);
    if (error instanceof UnsupportedFeatureError) return error;
    throw error;
  }
  throw new Error('expected UnsupportedFeatureError');
}

describe('options the engine does not implement throw, naming the file', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });

  test.each([
    ['enable_manual: true', { definition: { enable_manual: true, insert: { columns: '*' as const } } }, /manual invocation/],
    ['request_transform', { request_transform: { version: 2, template_engine: 'Kriti' } }, /request\/response transforms/],
    ['response_transform', { response_transform: { version: 2, body: { action: 'remove' } } }, /request\/response transforms/],
    ['cleanup_config', { cleanup_config: { schedule: '0 0 * * *', clear_older_than: 168 } }, /cleanup_config/],
  ])('%s', (_, overrides, feature) => {
    const error = unsupported(metadataWith(trigger(overrides)));
    expect(error.message).toMatch(feature);
    expect(error.message).toContain(`${FILE} event trigger "parcel_changes"`);
  });

  test('enable_manual: false and trigger_on_replication are accepted', () => {
    const plan = planEventTriggers(metadataWith(trigger({ definition: { enable_manual: false, insert: { columns: '*' } }, trigger_on_replication: true })), MODEL, {});
    expect(plan.inconsistencies).toEqual([]);
    expect(plan.triggers[0]!.ops).toEqual([expect.objectContaining({ sqlTriggerName: 'notify_hasura_parcel_changes_INSERT', enableAlways: true })]);
  });

  test('the engine refuses metadata read from disk with an unsupported option at load', async () => {
    await createParcelTable(db, 'parcels');
    const metadata = metadataOnDisk([{ table: 'parcels', event_triggers: [trigger({ definition: { enable_manual: true, insert: { columns: '*' } } })] }]);
    await expect(Engine.start(metadata, db.pool)).rejects.toThrow(
      `unsupported: manual invocation of event triggers (enable_manual: true, needs the metadata API) (in ${FILE} event trigger "parcel_changes")`,
    );
  });
});

describe('triggers that do not fit the database or environment are left out and reported', () => {
  test.each([
    ['an unknown listened column', trigger({ definition: { update: { columns: ['label', 'colour'] } } }), /column\(s\) "colour" do not exist/],
    ['an unknown payload column', trigger({ definition: { insert: { columns: '*', payload: ['weight'] } } }), /column\(s\) "weight" do not exist/],
    ['an unset webhook variable', trigger({ webhook: undefined, webhook_from_env: 'NOT_SET' }), /environment variable "NOT_SET" is not set/],
    ['an unset header variable', trigger({ headers: [{ name: 'X-Key', value_from_env: 'NO_KEY' }] }), /environment variable "NO_KEY" is not set/],
    ['a name longer than 42 characters', trigger({ name: 'x'.repeat(43) }), /at most 42 characters/],
    ['no operation', trigger({ definition: {} }), /at least one of insert, update and delete/],
  ])('%s', (_, definition, reason) => {
    const plan = planEventTriggers(metadataWith(definition), MODEL, {});
    expect(plan.triggers).toEqual([]);
    expect(plan.inconsistencies).toEqual([{ type: 'event_trigger', name: definition.name, reason: expect.stringMatching(reason) }]);
    expect(plan.inconsistencies[0]!.reason).toContain(FILE);
  });

  test('an untracked table', () => {
    const plan = planEventTriggers(metadataWith(trigger(), 'missing'), MODEL, {});
    expect(plan.inconsistencies[0]!.reason).toMatch(/public_missing\.yaml event trigger "parcel_changes": its table is not tracked/);
  });

  test('webhook URL templates and header values come from the environment', () => {
    const env = { HOOKS: 'http://hooks.test', KEY: 'k-1' };
    const plan = planEventTriggers(metadataWith(trigger({ webhook: '{{HOOKS}}/parcels', headers: [{ name: 'X-Key', value_from_env: 'KEY' }, { name: 'X-Fixed', value: 'f' }] })), MODEL, env);
    expect(plan.triggers[0]!.webhook).toMatchObject({ url: 'http://hooks.test/parcels', headers: [['X-Key', 'k-1'], ['X-Fixed', 'f']], timeoutMs: 60_000 });
    expect(plan.triggers[0]).toMatchObject({ numRetries: 1, intervalSec: 5 });
  });
});
