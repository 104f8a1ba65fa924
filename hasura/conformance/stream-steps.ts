import { isDeepStrictEqual } from 'node:util';
import { short } from './compare/difference.ts';
import type { EngineServer } from './engine-server.ts';
import { ApolloClient } from './ws-client.ts';

/** A step of `subscriptions/streaming/steps.yaml`: a mutation, its answer, and the batch the stream must then push. */
interface StreamStep {
  query: string;
  variables?: string;
  response: string;
  stream_response: string;
}

/** Whether a file is one of the driver's streaming step files (each step has a `stream_response`). */
export function isStreamSteps(steps: unknown[]): steps is StreamStep[] {
  return steps.length > 0 && steps.every((step) => typeof step === 'object' && step !== null && 'stream_response' in step && 'query' in step);
}

/** The subscription the driver's `test_streaming_subscriptions_with_concurrent_data_inserts` opens, with its variables. */
const STREAM_QUERY = `subscription ($batch_size: Int!, $initial_created_at: timestamptz) {
  hge_tests_stream_query: hge_tests_test_t2_stream(cursor: [{initial_value: {created_at: $initial_created_at}, ordering: ASC}], batch_size: $batch_size) { c1 c2 }
}`;
const STREAM_VARIABLES = { batch_size: 2, initial_created_at: '2020-01-01' };

async function runStep(client: ApolloClient, step: StreamStep, n: number): Promise<string | null> {
  const id = `mutation_${n}`;
  client.send({ type: 'start', id, payload: { query: step.query, variables: step.variables ? JSON.parse(step.variables) : {} } });
  const answer = await client.next((frame) => frame.id === id);
  const data = (answer.payload as { data?: unknown } | undefined)?.data;
  if (answer.type !== 'data' || !isDeepStrictEqual(data, JSON.parse(step.response))) return `mutation ${n}: ${short(answer)}`;
  const complete = await client.next((frame) => frame.id === id);
  if (complete.type !== 'complete') return `mutation ${n}: expected complete, got ${short(complete)}`;
  const pushed = await client.next((frame) => frame.id === 'stream');
  const expected = { data: { hge_tests_stream_query: JSON.parse(step.stream_response) } };
  if (!isDeepStrictEqual(pushed.payload, expected)) return `after mutation ${n} the stream sent ${short(pushed.payload)}, expected ${short(expected)}`;
  return null;
}

/**
 * The driver's streaming test: one stream open while each step's mutation runs on the same
 * socket; after each, exactly the new rows arrive as one batch, in insertion order.
 */
export async function runStreamSteps(server: EngineServer, steps: StreamStep[]): Promise<string | null> {
  const client = await ApolloClient.connect(server.baseUrl, { 'X-Hasura-Admin-Secret': server.adminSecret });
  try {
    client.send({ type: 'start', id: 'stream', payload: { query: STREAM_QUERY, variables: STREAM_VARIABLES } });
    for (const [i, step] of steps.entries()) {
      const failure = await runStep(client, step, i + 1);
      if (failure) return failure;
    }
    return null;
  } finally {
    client.close();
  }
}
