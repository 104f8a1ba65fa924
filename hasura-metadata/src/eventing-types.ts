/**
 * Event triggers (in table files) and cron triggers (`cron_triggers.yaml`) of Hasura v2 metadata,
 * typed precisely for the engine's eventing. `TableMetadata.event_triggers` and
 * `HasuraMetadata.cron_triggers` stay loosely typed; readers narrow them to these shapes.
 */

/** `"*"` (every column) or an explicit list. */
export type EventColumns = '*' | string[];

/** One operation of an event trigger: the columns that fire it and the columns sent. */
export interface SubscribeOpSpec {
  columns: EventColumns;
  /** Columns in `data.old` / `data.new`; all when absent. */
  payload?: EventColumns | null;
}

export interface EventTriggerDefinition {
  enable_manual?: boolean;
  insert?: SubscribeOpSpec | null;
  update?: SubscribeOpSpec | null;
  delete?: SubscribeOpSpec | null;
}

export interface EventRetryConf {
  num_retries?: number;
  interval_sec?: number;
  timeout_sec?: number | null;
}

/** A configured request header: a literal value, or the value of an environment variable. */
export type WebhookHeaderConf = { name: string; value: string } | { name: string; value_from_env: string };

export interface EventTriggerMetadata {
  name: string;
  definition: EventTriggerDefinition;
  retry_conf: EventRetryConf;
  webhook?: string;
  webhook_from_env?: string;
  headers?: WebhookHeaderConf[];
  request_transform?: unknown;
  response_transform?: unknown;
  cleanup_config?: unknown;
  trigger_on_replication?: boolean;
}

export interface CronRetryConf {
  num_retries?: number;
  retry_interval_seconds?: number;
  timeout_seconds?: number;
  tolerance_seconds?: number;
}

export interface CronTriggerMetadata {
  name: string;
  /** URL, possibly with `{{ENV_VAR}}` templates. */
  webhook: string;
  schedule: string;
  include_in_metadata: boolean;
  payload?: unknown;
  retry_conf?: CronRetryConf;
  headers?: WebhookHeaderConf[];
  comment?: string;
  request_transform?: unknown;
  response_transform?: unknown;
}
