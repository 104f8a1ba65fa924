import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'yaml';
import { ACTIONS_GRAPHQL_FILE, parseActionsSdl, type CustomTypeKind, type SdlAction, type SdlType } from './actions-sdl.ts';
import { isPlainObject, type JsonPath } from './json-path.ts';
import { MetadataLoadError } from './problems.ts';
import { readText } from './yaml-file.ts';
import { loadYamlFile, yamlToJson, type ConvertContext } from './yaml-to-json.ts';

export const ACTIONS_YAML_FILE = 'actions.yaml';

const CUSTOM_TYPE_KINDS: readonly CustomTypeKind[] = ['enums', 'input_objects', 'objects', 'scalars'];
/** What the CLI copies from actions.yaml into each action's definition, in its order. */
const COPIED_DEFINITION_KEYS = [
  'kind',
  'handler',
  'forward_client_headers',
  'headers',
  'timeout',
  'request_transform',
  'response_transform',
];
const KNOWN_KEYS: Record<string, readonly string[]> = {
  root: ['actions', 'custom_types'],
  action: ['name', 'definition', 'permissions', 'comment'],
  definition: [...COPIED_DEFINITION_KEYS, 'type', 'arguments', 'output_type'],
  customTypes: CUSTOM_TYPE_KINDS,
  customType: ['name', 'description', 'fields', 'values', 'relationships'],
};

interface YamlEntry {
  index: number;
  value: Record<string, unknown>;
}

/**
 * Builds `actions` and `custom_types` as the CLI does: the shape of every action and type comes
 * from actions.graphql; handler, kind, permissions and the other settings come from actions.yaml,
 * matched by name. A name in actions.yaml that actions.graphql lacks is an error, and so is an
 * action in actions.graphql without settings in actions.yaml.
 */
export function readActions(context: ConvertContext): { actions?: unknown[]; custom_types?: unknown } {
  const graphqlPath = join(context.metadataDir, ACTIONS_GRAPHQL_FILE);
  const sdl = existsSync(graphqlPath) ? parseActionsSdl(readText(graphqlPath, ACTIONS_GRAPHQL_FILE)) : null;
  const yaml = existsSync(join(context.metadataDir, ACTIONS_YAML_FILE)) ? readActionsYaml(context) : null;
  const sdlActions = sdl?.actions ?? [];
  const yamlActions = entries(yaml?.actions, ['actions'], 'action');
  refuseUnmatched(yamlActions, new Set(sdlActions.map((action) => action.name)), ['actions'], 'action');

  const actions = sdlActions.map((action, k) => buildAction(context, action, k, yamlActions));
  const customTypes: Record<string, unknown[]> = {};
  let typeCount = 0;
  for (const kind of CUSTOM_TYPE_KINDS) {
    const sdlTypes = sdl?.types[kind] ?? [];
    const yamlList = isPlainObject(yaml?.custom_types) ? yaml.custom_types[kind] : undefined;
    const yamlTypes = entries(yamlList, ['custom_types', kind], 'customType');
    refuseUnmatched(yamlTypes, new Set(sdlTypes.map((type) => type.name)), ['custom_types', kind], 'custom type');
    customTypes[kind] = sdlTypes.map((type, j) => buildCustomType(context, kind, type, j, yamlTypes));
    typeCount += sdlTypes.length;
  }
  return {
    ...(actions.length > 0 ? { actions } : {}),
    ...(typeCount > 0 ? { custom_types: customTypes } : {}),
  };
}

function readActionsYaml(context: ConvertContext): Record<string, unknown> {
  const yamlFile = loadYamlFile(context, ACTIONS_YAML_FILE);
  const value = yamlToJson(context, yamlFile, yamlFile.document.contents as Node | null, [], [], null);
  if (value === null) return {};
  if (!isPlainObject(value)) throw yamlError([], 'must be a mapping with "actions" and "custom_types"');
  refuseUnknownKeys(value, [], 'root');
  if (isPlainObject(value.custom_types)) refuseUnknownKeys(value.custom_types, ['custom_types'], 'customTypes');
  return value;
}

function yamlError(path: JsonPath, message: string): MetadataLoadError {
  return new MetadataLoadError({ file: ACTIONS_YAML_FILE, path }, message);
}

function refuseUnknownKeys(value: Record<string, unknown>, path: JsonPath, kind: keyof typeof KNOWN_KEYS): void {
  const known = KNOWN_KEYS[kind] ?? [];
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw yamlError([...path, key], `unknown key "${key}" (allowed: ${known.join(', ')})`);
  }
}

/** The named entries of a list in actions.yaml, each checked for shape and unknown keys. */
function entries(list: unknown, path: JsonPath, kind: 'action' | 'customType'): Map<string, YamlEntry> {
  const found = new Map<string, YamlEntry>();
  if (list === undefined || list === null) return found;
  if (!Array.isArray(list)) throw yamlError(path, 'must be a list');
  list.forEach((value, index) => {
    if (!isPlainObject(value) || typeof value.name !== 'string') {
      throw yamlError([...path, index], 'must be a mapping with a "name"');
    }
    refuseUnknownKeys(value, [...path, index], kind);
    if (kind === 'action' && value.definition !== undefined) {
      if (!isPlainObject(value.definition)) throw yamlError([...path, index, 'definition'], 'must be a mapping');
      refuseUnknownKeys(value.definition, [...path, index, 'definition'], 'definition');
    }
    if (found.has(value.name)) throw yamlError([...path, index, 'name'], `"${value.name}" is listed twice`);
    found.set(value.name, { index, value });
  });
  return found;
}

function refuseUnmatched(yamlEntries: Map<string, YamlEntry>, sdlNames: Set<string>, path: JsonPath, what: string): void {
  for (const [name, entry] of yamlEntries) {
    if (!sdlNames.has(name)) {
      throw yamlError([...path, entry.index, 'name'], `${what} ${name} is not present in ${ACTIONS_GRAPHQL_FILE}`);
    }
  }
}

function buildAction(context: ConvertContext, action: SdlAction, k: number, yamlActions: Map<string, YamlEntry>): unknown {
  const at = ['actions', k];
  const rootType = action.type === 'query' ? 'Query' : 'Mutation';
  context.sourceMap.mount(at, ACTIONS_GRAPHQL_FILE, [rootType, action.name], action.line);
  const entry = yamlActions.get(action.name);
  if (!entry) {
    throw new MetadataLoadError(
      { file: ACTIONS_GRAPHQL_FILE, path: [rootType, action.name], line: action.line },
      `action ${action.name} has no entry in ${ACTIONS_YAML_FILE} (its kind, handler and permissions)`,
    );
  }
  const yamlDefinition = isPlainObject(entry.value.definition) ? entry.value.definition : {};
  const copied: Record<string, unknown> = {};
  for (const key of COPIED_DEFINITION_KEYS) {
    const value = yamlDefinition[key];
    if (value === undefined || value === null || value === false || value === 0) continue;
    copied[key] = value;
    context.sourceMap.mount([...at, 'definition', key], ACTIONS_YAML_FILE, ['actions', entry.index, 'definition', key]);
  }
  const { kind, handler, ...settings } = copied;
  // `hasura metadata export` writes `kind: ""` for a query action (the CLI's empty value for a key
  // the server's JSON lacks), so an empty kind is no kind. Any other kind is passed on, where
  // Hasura's schema refuses it on a query: a query action has no kind, and the server ignores one.
  const definition = {
    ...(kind === undefined || kind === '' ? {} : { kind }),
    type: action.type,
    ...(handler === undefined ? {} : { handler }),
    ...(action.arguments.length > 0 ? { arguments: action.arguments } : {}),
    output_type: action.output_type,
    ...settings,
  };
  const extras: Record<string, unknown> = {};
  for (const key of ['permissions', 'comment'] as const) {
    if (entry.value[key] === undefined || entry.value[key] === null) continue;
    extras[key] = entry.value[key];
    context.sourceMap.mount([...at, key], ACTIONS_YAML_FILE, ['actions', entry.index, key]);
  }
  return { name: action.name, definition, ...extras };
}

function buildCustomType(
  context: ConvertContext,
  kind: CustomTypeKind,
  type: SdlType,
  j: number,
  yamlTypes: Map<string, YamlEntry>,
): unknown {
  const at = ['custom_types', kind, j];
  context.sourceMap.mount(at, ACTIONS_GRAPHQL_FILE, [type.name], type.line);
  const { line: _line, ...shape } = type;
  const entry = yamlTypes.get(type.name);
  if (!entry) return shape;
  const { description: _sdlDescription, ...rest } = shape;
  const result: Record<string, unknown> = { ...rest };
  for (const key of ['description', 'relationships'] as const) {
    if (entry.value[key] === undefined || entry.value[key] === null) continue;
    result[key] = entry.value[key];
    context.sourceMap.mount([...at, key], ACTIONS_YAML_FILE, ['custom_types', kind, entry.index, key]);
  }
  return result;
}
