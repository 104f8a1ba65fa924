import { short } from './compare/difference.ts';
import { coin, runStep, stepHeaders, verdictOf, type Step, type StepOutcome } from './driver.ts';
import type { EngineServer } from './engine-server.ts';
import { ApolloClient } from './ws-client.ts';

const GRAPHQL_URLS = new Set(['/v1/graphql', '/v1alpha1/graphql']);

const isGraphQLStep = (step: Step) => GRAPHQL_URLS.has(step.url);

/**
 * Whether the driver runs a file over the websocket too: it does so only for GraphQL steps that
 * carry a `response` and send one request (batches are HTTP-only tests).
 */
export function runsOverWebsocket(steps: Step[]): boolean {
  const graphql = steps.filter((step) => typeof step?.url === 'string' && isGraphQLStep(step));
  return graphql.length > 0 && graphql.every((step) => step.response !== undefined && !Array.isArray(step.query));
}

/**
 * One step of the websocket run: a GraphQL step is a `start` on a fresh Apollo socket
 * (initialised with the step's headers and the admin secret) whose first frame's payload is
 * compared as the HTTP body would be; `/v1/query` and other steps still go over HTTP. A fresh
 * socket per step because a setup step that changes metadata closes every socket (1012).
 */
export async function runWebsocketStep(server: EngineServer, step: Step, label: string): Promise<StepOutcome> {
  if (typeof step?.url !== 'string' || !isGraphQLStep(step)) return runStep(server, step, label);
  const headers = stepHeaders(step);
  if (Object.keys(headers).length === 0 && coin(label)) headers['X-Hasura-Role'] = 'admin';
  headers['X-Hasura-Admin-Secret'] = server.adminSecret;
  const client = await ApolloClient.connect(server.baseUrl, headers, step.url);
  try {
    client.send({ type: 'start', id: 'hge_test', payload: step.query });
    const frame = await client.next((f) => f.id === 'hge_test');
    if (frame.type !== 'data' && frame.type !== 'error') return { ok: false, reason: `first frame was ${short(frame)}, expected data or error` };
    const response = { status: 200, body: frame.payload, headers: {} };
    const verdict = verdictOf({ ...step, resp_headers: undefined }, response);
    if (!verdict.ok) return { ok: false, reason: verdict.reason, response, ...(verdict.numbersAsStrings ? { numbersAsStrings: true } : {}) };
    return { ok: true, response, notes: verdict.note ? [verdict.note] : [] };
  } finally {
    client.close();
  }
}
