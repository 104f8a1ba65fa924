import { tableKey } from '../catalog/index.ts';
import { qualifiedTable, type EventColumns, type EventTriggerMetadata, type HasuraMetadata, type SubscribeOpSpec } from '@portal/hasura-metadata';
import { checkEventTriggerSupport, eventTriggerOrigin, eventTriggersOf, type EngineModel, type TableInfo } from '../model/index.ts';
import type { SqlTriggerSpec, TriggerOp } from './install-triggers.ts';
import { loggedHeaders, resolveHeaders, webhookUrl, type EventingInconsistency, type ResolvedWebhook } from '../delivery/index.ts';

/** An event trigger ready to capture and deliver. */
export interface ResolvedEventTrigger {
  name: string;
  schema: string;
  table: string;
  origin: string;
  ops: SqlTriggerSpec[];
  numRetries: number;
  intervalSec: number;
  webhook: ResolvedWebhook;
}

export interface EventTriggerPlan {
  triggers: ResolvedEventTrigger[];
  inconsistencies: EventingInconsistency[];
}

/** Hasura's limit: `notify_hasura_<name>_<OP>` must fit PostgreSQL's 63-character identifiers. */
const MAX_NAME_LENGTH = 42;
const VALID_NAME = /^[A-Za-z0-9_-]+$/;
const OPS: Array<[TriggerOp, 'insert' | 'update' | 'delete']> = [['INSERT', 'insert'], ['UPDATE', 'update'], ['DELETE', 'delete']];

function columnList(columns: EventColumns | null | undefined, table: TableInfo, what: string): string[] | null {
  if (columns === undefined || columns === null || columns === '*') return null;
  const missing = columns.filter((column) => !table.columns.has(column));
  if (missing.length > 0) throw new Error(`${what} column(s) ${missing.map((c) => `"${c}"`).join(', ')} do not exist in table "${table.key}"`);
  return [...columns];
}

function opSpec(trigger: EventTriggerMetadata, table: TableInfo, op: TriggerOp, spec: SubscribeOpSpec): SqlTriggerSpec {
  return {
    sqlTriggerName: `notify_hasura_${trigger.name}_${op}`,
    triggerName: trigger.name,
    op,
    schema: table.schema,
    table: table.name,
    listenColumns: op === 'UPDATE' ? columnList(spec.columns, table, 'listened') : null,
    payloadColumns: columnList(spec.payload, table, 'payload'),
    enableAlways: trigger.trigger_on_replication === true,
  };
}

function resolveTrigger(trigger: EventTriggerMetadata, table: TableInfo | undefined, origin: string, env: NodeJS.ProcessEnv): ResolvedEventTrigger {
  if (trigger.name.length > MAX_NAME_LENGTH) throw new Error(`event trigger name can be at most ${MAX_NAME_LENGTH} characters`);
  if (!VALID_NAME.test(trigger.name)) throw new Error('event trigger name can only contain alphanumerics, underscores and hyphens');
  if (!table) throw new Error('its table is not tracked or does not exist');
  const ops = OPS.flatMap(([op, key]) => {
    const spec = trigger.definition[key];
    return spec ? [opSpec(trigger, table, op, spec)] : [];
  });
  if (ops.length === 0) throw new Error('at least one of insert, update and delete must be defined');
  const retry = trigger.retry_conf ?? {};
  return {
    name: trigger.name,
    schema: table.schema,
    table: table.name,
    origin,
    ops,
    numRetries: retry.num_retries ?? 0,
    intervalSec: retry.interval_sec ?? 10,
    webhook: {
      url: webhookUrl(trigger.webhook, trigger.webhook_from_env, env),
      headers: resolveHeaders(trigger.headers, env),
      loggedHeaders: loggedHeaders(trigger.headers),
      timeoutMs: (retry.timeout_sec ?? 60) * 1000,
    },
  };
}

/**
 * The metadata's event triggers resolved against the model and the environment. Unsupported
 * options throw; a trigger that does not fit the database or the environment (unknown column,
 * unset variable, duplicate name) is reported and left out, like an inconsistent object in Hasura.
 */
export function planEventTriggers(metadata: HasuraMetadata, model: EngineModel, env: NodeJS.ProcessEnv): EventTriggerPlan {
  const plan: EventTriggerPlan = { triggers: [], inconsistencies: [] };
  const seen = new Set<string>();
  for (const { source, table, trigger } of eventTriggersOf(metadata)) {
    const origin = eventTriggerOrigin(source, table, trigger);
    checkEventTriggerSupport(trigger, origin);
    const { schema, name } = qualifiedTable(table.table);
    try {
      if (seen.has(trigger.name)) throw new Error('another event trigger has the same name');
      seen.add(trigger.name);
      plan.triggers.push(resolveTrigger(trigger, model.tables.get(tableKey(schema, name)), origin, env));
    } catch (error) {
      const reason = `Inconsistent object: in ${origin}: ${(error as Error).message}`;
      plan.inconsistencies.push({ type: 'event_trigger', name: trigger.name, reason });
    }
  }
  return plan;
}
