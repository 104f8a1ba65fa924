import { fileURLToPath } from 'node:url';
import { loadMetadata, type ActionMetadata, type CronTriggerMetadata, type CustomTypes, type EventTriggerMetadata, isPostgresSource } from '@portal/hasura-metadata';

/** The project's metadata, read and validated the way the engine loads it. */
export const PROJECT_METADATA = fileURLToPath(new URL('../../../metadata', import.meta.url));
const metadata = loadMetadata(PROJECT_METADATA);
export const METADATA_ACTIONS: readonly ActionMetadata[] = metadata.actions ?? [];
export const METADATA_CRON_TRIGGERS: readonly CronTriggerMetadata[] = (metadata.cron_triggers ?? []) as CronTriggerMetadata[];
/** Every event trigger of every table, with the table it watches. */
export const METADATA_EVENT_TRIGGERS: readonly (EventTriggerMetadata & { table: string })[] = metadata.sources.filter(isPostgresSource).flatMap((source) =>
  source.tables.flatMap((table) => ((table.event_triggers ?? []) as EventTriggerMetadata[]).map((trigger) => ({ ...trigger, table: typeof table.table === 'string' ? table.table : table.table.name }))),
);
const types: CustomTypes = metadata.custom_types ?? {};

const SCALARS: Record<string, (value: unknown) => boolean> = {
  String: (value) => typeof value === 'string',
  Boolean: (value) => typeof value === 'boolean',
  Int: (value) => Number.isInteger(value),
  uuid: (value) => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value),
  timestamptz: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
};

/**
 * What Hasura would object to in a handler's JSON for a GraphQL type (BEHAVIOUR.md §4.3): a field
 * the type lacks ("unexpected fields"), a missing or null non-null field, a wrong scalar or enum.
 */
function problems(type: string, value: unknown, at: string): string[] {
  if (type.endsWith('!')) {
    if (value === null || value === undefined) return [`${at}: expecting not null value`];
    return problems(type.slice(0, -1), value, at);
  }
  if (value === null || value === undefined) return [];
  if (type.startsWith('[')) {
    if (!Array.isArray(value)) return [`${at}: expecting a list`];
    return value.flatMap((item, index) => problems(type.slice(1, -1), item, `${at}[${index}]`));
  }
  const scalar = SCALARS[type];
  if (scalar) return scalar(value) ? [] : [`${at}: not a ${type}: ${JSON.stringify(value)}`];
  const enumType = types.enums?.find((candidate) => candidate.name === type);
  if (enumType) return enumType.values.some((v) => v.value === value) ? [] : [`${at}: not a ${type}`];
  const object = types.objects?.find((candidate) => candidate.name === type);
  if (!object) return [`${at}: unknown type ${type}`];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expecting object`];
  const fields = new Map(object.fields.map((field) => [field.name, field.type]));
  const unexpected = Object.keys(value).filter((key) => !fields.has(key));
  return [
    ...(unexpected.length > 0 ? [`${at}: unexpected fields in webhook response: ${unexpected.join(', ')}`] : []),
    ...[...fields].flatMap(([name, fieldType]) => problems(fieldType, (value as Record<string, unknown>)[name], `${at}.${name}`)),
  ];
}

/** Problems Hasura would report with a 2xx response of this action; empty when it would accept it. */
export function outputProblems(actionName: string, body: unknown): string[] {
  const action = METADATA_ACTIONS.find((candidate) => candidate.name === actionName);
  if (!action) return [`action ${actionName} is not in metadata/actions.graphql`];
  return problems(action.definition.output_type, body, '$');
}
