import type { GraphQLOutputType } from 'graphql';
import type { Session } from '../compile/compile-context.ts';
import { EngineError } from '../errors/index.ts';
import { checkOutput } from './check-output.ts';
import { handlerHeaders } from './forward-headers.ts';
import type { ResolvedAction } from '../model/index.ts';

export interface ActionCall {
  action: ResolvedAction;
  input: Record<string, unknown>;
  session: Session;
  requestQuery: string;
  clientHeaders: Record<string, string>;
  outputType: GraphQLOutputType;
}

const webhookFailure = () => new EngineError('unexpected', 'http exception when calling webhook', '$', 200);

async function post(call: ActionCall): Promise<Response> {
  const body = { action: { name: call.action.metadata.name }, input: call.input, session_variables: call.session, request_query: call.requestQuery };
  try {
    return await fetch(call.action.url, {
      method: 'POST',
      headers: handlerHeaders(call.action.headers, call.clientHeaders, call.action.forwardClientHeaders),
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(call.action.timeoutMs),
    });
  } catch {
    throw webhookFailure();
  }
}

function handlerError(payload: unknown): EngineError {
  const { message, extensions, code } = (payload ?? {}) as { message?: unknown; extensions?: unknown; code?: unknown };
  if (typeof message !== 'string') return new EngineError('unexpected', 'expecting a message field in the error response from the webhook', '$', 200);
  if (extensions && typeof extensions === 'object') return new EngineError('unexpected', message, '$', 200, { extensions: extensions as Record<string, unknown> });
  return new EngineError(typeof code === 'string' ? (code as never) : 'unexpected', message, '$', 200);
}

/**
 * Calls an action's handler the way Hasura does and returns its checked answer: 2xx JSON is the
 * output, 4xx `{message, extensions}` a GraphQL error, anything else an internal error.
 */
export async function callAction(call: ActionCall): Promise<unknown> {
  const response = await post(call);
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw new EngineError('unexpected', 'not a valid json response from webhook', '$', 200);
  }
  if (response.status >= 200 && response.status < 300) {
    checkOutput(payload, call.outputType);
    return payload;
  }
  if (response.status >= 400 && response.status < 500) throw handlerError(payload);
  throw new EngineError('unexpected', 'internal error', '$', 200);
}
