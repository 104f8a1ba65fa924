import {
  Kind,
  parse,
  print,
  type DefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type StringValueNode,
} from 'graphql';
import { MetadataLoadError } from './problems.ts';

export const ACTIONS_GRAPHQL_FILE = 'actions.graphql';

/** What actions.graphql says about one action: its root type, arguments and output type. */
export interface SdlAction {
  name: string;
  type: 'query' | 'mutation';
  arguments: SdlField[];
  output_type: string;
  line: number;
}

export interface SdlField {
  name: string;
  type: string;
  description?: string;
}

export interface SdlType {
  name: string;
  description?: string;
  fields?: SdlField[];
  values?: { value: string; description?: string }[];
  line: number;
}

export type CustomTypeKind = 'enums' | 'input_objects' | 'objects' | 'scalars';

export interface ActionsSdl {
  actions: SdlAction[];
  types: Record<CustomTypeKind, SdlType[]>;
}

const ROOT_TYPES: Record<string, SdlAction['type']> = { Query: 'query', Mutation: 'mutation' };

function describe(node: { description?: StringValueNode | undefined }): { description?: string } {
  const text = node.description?.value.trim();
  return text ? { description: text } : {};
}

function field(node: FieldDefinitionNode | InputValueDefinitionNode): SdlField {
  return { name: node.name.value, type: print(node.type), ...describe(node) };
}

function lineOf(node: DefinitionNode | FieldDefinitionNode): number {
  return node.loc?.startToken.line ?? 1;
}

/**
 * Reads actions.graphql the way the CLI's SDL converter does: fields of `Query`/`Mutation` (type
 * definitions or extensions, repeated freely) are actions; object, input, enum and scalar
 * definitions are custom types. Anything else is refused by name.
 */
export function parseActionsSdl(sdl: string): ActionsSdl {
  const result: ActionsSdl = { actions: [], types: { enums: [], input_objects: [], objects: [], scalars: [] } };
  if (sdl.trim() === '') return result;
  let document;
  try {
    document = parse(sdl);
  } catch (error) {
    const line = (error as { locations?: { line: number }[] }).locations?.[0]?.line;
    const where = line === undefined ? { file: ACTIONS_GRAPHQL_FILE, path: [] } : { file: ACTIONS_GRAPHQL_FILE, path: [], line };
    throw new MetadataLoadError(where, `invalid GraphQL: ${(error as Error).message}`, { cause: error });
  }
  for (const definition of document.definitions) addDefinition(result, definition);
  return result;
}

function addDefinition(result: ActionsSdl, definition: DefinitionNode): void {
  const line = lineOf(definition);
  const name = 'name' in definition && definition.name ? definition.name.value : definition.kind;
  switch (definition.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.OBJECT_TYPE_EXTENSION: {
      const rootType = ROOT_TYPES[name];
      if (rootType) {
        for (const node of definition.fields ?? []) {
          result.actions.push({
            name: node.name.value,
            type: rootType,
            arguments: (node.arguments ?? []).map(field),
            output_type: print(node.type),
            line: lineOf(node),
          });
        }
        return;
      }
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
        result.types.objects.push({ name, ...describe(definition), fields: (definition.fields ?? []).map(field), line });
        return;
      }
      break;
    }
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      result.types.input_objects.push({ name, ...describe(definition), fields: (definition.fields ?? []).map(field), line });
      return;
    case Kind.ENUM_TYPE_DEFINITION: {
      const values = (definition.values ?? []).map((value) => ({ value: value.name.value, ...describe(value) }));
      result.types.enums.push({ name, ...describe(definition), values, line });
      return;
    }
    case Kind.SCALAR_TYPE_DEFINITION:
      result.types.scalars.push({ name, ...describe(definition), line });
      return;
    default:
      break;
  }
  throw new MetadataLoadError(
    { file: ACTIONS_GRAPHQL_FILE, path: [name], line },
    `unsupported definition (${definition.kind}): actions.graphql may hold Query/Mutation fields ` +
      'and object, input, enum and scalar types',
  );
}
