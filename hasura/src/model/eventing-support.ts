import {
  isPostgresSource,
  qualifiedTable,
  type CronTriggerMetadata,
  type EventTriggerMetadata,
  type HasuraMetadata,
  type PostgresSourceMetadata,
  type TableMetadata,
} from '@portal/hasura-metadata';
import { UnsupportedFeatureError } from './unsupported.ts';

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

/** Where an event trigger is defined, for messages: its table's file and its name. */
export function eventTriggerOrigin(source: PostgresSourceMetadata, table: TableMetadata, trigger: EventTriggerMetadata): string {
  const { schema, name } = qualifiedTable(table.table);
  return `databases/${source.name}/tables/${schema}_${name}.yaml event trigger "${trigger.name}"`;
}

export function cronTriggerOrigin(trigger: CronTriggerMetadata): string {
  return `cron_triggers.yaml cron trigger "${trigger.name}"`;
}

/** Options of an event trigger that the engine does not implement throw, naming the file. */
export function checkEventTriggerSupport(trigger: EventTriggerMetadata, where: string): void {
  if (trigger.definition.enable_manual === true) {
    throw new UnsupportedFeatureError('manual invocation of event triggers (enable_manual: true, needs the metadata API)', where);
  }
  if (present(trigger.request_transform) || present(trigger.response_transform)) {
    throw new UnsupportedFeatureError('event trigger request/response transforms', where);
  }
  if (present(trigger.cleanup_config)) throw new UnsupportedFeatureError('automatic event log cleanup (cleanup_config)', where);
}

export function checkCronTriggerSupport(trigger: CronTriggerMetadata): void {
  if (present(trigger.request_transform) || present(trigger.response_transform)) {
    throw new UnsupportedFeatureError('cron trigger request/response transforms', cronTriggerOrigin(trigger));
  }
}

/** The event triggers of the Postgres source's tables, with their table. */
export function eventTriggersOf(metadata: HasuraMetadata): Array<{ source: PostgresSourceMetadata; table: TableMetadata; trigger: EventTriggerMetadata }> {
  const source = metadata.sources.find(isPostgresSource);
  if (!source) return [];
  return source.tables.flatMap((table) =>
    ((table.event_triggers ?? []) as EventTriggerMetadata[]).map((trigger) => ({ source, table, trigger })),
  );
}

/**
 * Throws `UnsupportedFeatureError` for any event or cron trigger option the engine would
 * otherwise have to ignore. Cheap and database-free: call it wherever metadata is accepted.
 */
export function checkEventingSupport(metadata: HasuraMetadata): void {
  for (const { source, table, trigger } of eventTriggersOf(metadata)) {
    checkEventTriggerSupport(trigger, eventTriggerOrigin(source, table, trigger));
  }
  for (const trigger of (metadata.cron_triggers ?? []) as CronTriggerMetadata[]) checkCronTriggerSupport(trigger);
}
