import type { WebhookHeaderConf } from '@portal/hasura-metadata';

/** A webhook call's target, resolved from metadata and the environment once per metadata version. */
export interface ResolvedWebhook {
  url: string;
  /** Configured headers with their values, in order. */
  headers: Array<[string, string]>;
  /** The headers as Hasura records them in invocation logs: from-env headers by variable, never by value. */
  loggedHeaders: WebhookHeaderConf[];
  timeoutMs: number;
}

/** What every delivery sends besides the configured headers. */
export const DEFAULT_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Type', 'application/json'],
  ['User-Agent', 'hasura-graphql-engine/portal-dev-engine'],
];

function envValue(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined) throw new Error(`environment variable "${name}" is not set`);
  return value;
}

/** Fills `{{ENV_VAR}}` templates (Hasura's WebhookURL). */
export function fillUrlTemplate(template: string, env: NodeJS.ProcessEnv): string {
  return template.replace(/\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (_, name: string) => envValue(env, name));
}

/** `webhook` (templated) or `webhook_from_env`, exactly one of them. */
export function webhookUrl(webhook: string | undefined, fromEnv: string | undefined, env: NodeJS.ProcessEnv): string {
  if (webhook !== undefined && fromEnv !== undefined) throw new Error('only one of "webhook" and "webhook_from_env" may be given');
  if (webhook !== undefined) return fillUrlTemplate(webhook, env);
  if (fromEnv !== undefined) return envValue(env, fromEnv);
  throw new Error('one of "webhook" and "webhook_from_env" is required');
}

export function resolveHeaders(headers: WebhookHeaderConf[] | undefined, env: NodeJS.ProcessEnv): Array<[string, string]> {
  return (headers ?? []).map((header): [string, string] => [header.name, 'value' in header ? header.value : envValue(env, header.value_from_env)]);
}

/** The default headers a webhook's own configuration does not replace. */
export function defaultHeadersBesides(configured: ReadonlyArray<{ name: string } | [string, string]>): Array<[string, string]> {
  const names = new Set(configured.map((header) => (Array.isArray(header) ? header[0] : header.name).toLowerCase()));
  return DEFAULT_HEADERS.filter(([name]) => !names.has(name.toLowerCase()));
}

/** Every header of a request as logged: the defaults, then the configured ones. */
export function loggedHeaders(headers: WebhookHeaderConf[] | undefined): WebhookHeaderConf[] {
  const configured = headers ?? [];
  return [...defaultHeadersBesides(configured).map(([name, value]) => ({ name, value })), ...configured];
}
