import type { ActionMetadata, CustomTypes, HasuraMetadata } from '@portal/hasura-metadata';
import type { Inconsistency } from './model-types.ts';
import { UnsupportedFeatureError } from './unsupported.ts';

/** An action ready to call: its handler URL and configured headers with environment values filled in. */
export interface ResolvedAction {
  metadata: ActionMetadata;
  url: string;
  headers: Record<string, string>;
  forwardClientHeaders: boolean;
  timeoutMs: number;
}

export interface ActionsConfig {
  actions: Map<string, ResolvedAction>;
  customTypes: CustomTypes;
}

function fillTemplate(template: string, env: NodeJS.ProcessEnv): string {
  return template.replace(/\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (_, name: string) => {
    const value = env[name];
    if (value === undefined) throw new Error(`environment variable "${name}" is not set`);
    return value;
  });
}

function checkSupported(action: ActionMetadata): void {
  const where = `actions.yaml action "${action.name}"`;
  if (action.definition.kind === 'asynchronous') throw new UnsupportedFeatureError('asynchronous actions', where);
  if (action.definition.request_transform || action.definition.response_transform) throw new UnsupportedFeatureError('action request/response transforms', where);
}

function resolveAction(action: ActionMetadata, env: NodeJS.ProcessEnv): ResolvedAction {
  const headers: Record<string, string> = {};
  for (const header of action.definition.headers ?? []) {
    if ('value' in header) headers[header.name.toLowerCase()] = header.value;
    else {
      const value = env[header.value_from_env];
      if (value === undefined) throw new Error(`environment variable "${header.value_from_env}" is not set`);
      headers[header.name.toLowerCase()] = value;
    }
  }
  return {
    metadata: action,
    url: fillTemplate(action.definition.handler, env),
    headers,
    forwardClientHeaders: action.definition.forward_client_headers ?? false,
    timeoutMs: (action.definition.timeout ?? 30) * 1000,
  };
}

/**
 * The synchronous actions of the metadata with their environment resolved. An action whose
 * handler or headers name an unset variable is left out and reported, as Hasura does.
 */
export function resolveActions(metadata: HasuraMetadata, env: NodeJS.ProcessEnv, problems: Inconsistency[]): ActionsConfig {
  const customTypes = metadata.custom_types ?? {};
  for (const object of customTypes.objects ?? []) {
    if ((object.relationships ?? []).length > 0) throw new UnsupportedFeatureError('relationships on action output types', `actions.yaml custom type "${object.name}"`);
  }
  const actions = new Map<string, ResolvedAction>();
  for (const action of metadata.actions ?? []) {
    checkSupported(action);
    try {
      actions.set(action.name, resolveAction(action, env));
    } catch (error) {
      problems.push({ type: 'action', name: action.name, reason: `Inconsistent object: in action "${action.name}": ${(error as Error).message}`, definition: action });
    }
  }
  return { actions, customTypes };
}
