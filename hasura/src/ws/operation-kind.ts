import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/**
 * Whether the request's chosen operation is a subscription. A document that does not parse, or
 * names no single operation, counts as not one: the engine's query path then answers with
 * Hasura's error for it.
 */
export function isSubscription(query: string, operationName: string | null | undefined): boolean {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return false;
  }
  const chosen = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  return chosen?.operation === 'subscription';
}
