import type { Client, AnyVariables, TypedDocumentNode } from '@urql/core';
import { ApiError, toApiError } from './api-error.ts';
import { genericMessage } from './messages.ts';

export type OperationKind = 'query' | 'mutation';

/**
 * Runs one operation and returns its data, or throws SessionEndedError (no session, or it could
 * not be refreshed) or ApiError (with a human message).
 */
export async function runOperation<Data, Variables extends AnyVariables>(
  client: Client,
  kind: OperationKind,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const source = kind === 'query' ? client.query(document, variables) : client.mutation(document, variables);
  const result = await source.toPromise();
  if (result.error) throw toApiError(result.error);
  if (result.data === undefined || result.data === null) throw new ApiError('unexpected', genericMessage(), 'an answer with neither data nor errors');
  return result.data;
}

/** The operations a page or form action runs, bound to the request's session (or to none). */
export interface EngineApi {
  query<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data>;
  mutate<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data>;
}

export function engineApi(client: Client): EngineApi {
  return {
    query: (document, variables) => runOperation(client, 'query', document, variables),
    mutate: (document, variables) => runOperation(client, 'mutation', document, variables),
  };
}
