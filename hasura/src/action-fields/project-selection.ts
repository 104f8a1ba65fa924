import { getNamedType, isObjectType, type FieldNode, type GraphQLOutputType } from 'graphql';
import { collectFields, subSelections } from '../compile/collect-fields.ts';
import type { CompileContext } from '../compile/compile-context.ts';

/** Shapes a handler's JSON to the client's selection: response keys, nested selections, `__typename`. */
export function projectSelection(context: CompileContext, value: unknown, type: GraphQLOutputType, nodes: FieldNode[]): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => projectSelection(context, item, type, nodes));
  const named = getNamedType(type);
  if (!isObjectType(named)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, fieldNodes] of collectFields(context, subSelections(nodes))) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') result[key] = named.name;
    else result[key] = projectSelection(context, (value as Record<string, unknown>)[name], named.getFields()[name]!.type, fieldNodes);
  }
  return result;
}
