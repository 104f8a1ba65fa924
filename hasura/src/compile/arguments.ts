import { getArgumentValues, type FieldNode, type GraphQLField } from 'graphql';
import type { CompileContext } from './compile-context.ts';

/** A field's arguments with the request's variables filled in, coerced by the role's schema. */
export function argumentsOf(context: CompileContext, definition: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  return getArgumentValues(definition, node, context.variables);
}
