import { createHash, randomBytes } from 'node:crypto';
import { assertAllowed, assertResponse, type Verdict } from './compare/assert-response.ts';
import { short } from './compare/difference.ts';
import type { EngineServer } from './engine-server.ts';
import { send, type HttpRequest, type HttpResponse } from './http-client.ts';

/** One step of a test file (a file is one step, or a list of them). */
export interface Step {
  url: string;
  status?: number;
  headers?: Record<string, unknown>;
  query?: unknown;
  response?: unknown;
  resp_headers?: Record<string, unknown>;
  allowed_responses?: unknown;
  method?: string;
  body?: unknown;
}

export type StepOutcome =
  | { ok: true; response: HttpResponse; notes: string[] }
  | { ok: false; reason: string; response?: HttpResponse; numbersAsStrings?: boolean };

/** How the driver sends a test file: over HTTP, or as Apollo websocket operations. */
export type Transport = 'http' | 'websocket';

/** The driver's request: `query` as JSON, unless the step gives a `method` and `body` (REST endpoints). */
function request(step: Step, headers: Record<string, string>): HttpRequest {
  const method = step.method?.toUpperCase();
  if (method === 'GET' || method === 'DELETE') return { url: step.url, method, headers };
  if (method === 'POSTJSON' && step.body !== undefined) return { url: step.url, method: 'POST', headers, json: step.body };
  if (method && step.body !== undefined) return { url: step.url, method, headers, raw: typeof step.body === 'string' ? step.body : JSON.stringify(step.body) };
  return { url: step.url, headers, json: step.query };
}

/** Python's `str()` of a YAML scalar, which is how the driver turns header values into strings. */
function pythonString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null || value === undefined) return 'None';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Header values as strings, as the driver sends them. */
export function stepHeaders(step: Step): Record<string, string> {
  return Object.fromEntries(Object.entries(step.headers ?? {}).map(([name, value]) => [name, pythonString(value)]));
}

/** The driver flips a coin for `X-Hasura-Role: admin` on header-less steps; here the coin is seeded by the step, so runs repeat. */
export function coin(label: string): boolean {
  return createHash('sha256').update(label).digest()[0]! % 2 === 0;
}

/** Admin-secret mode: without a secret, and with a wrong one, `/v1/graphql` answers 200 (or 404), other URLs 401 or 404. */
async function probeWithoutSecret(server: EngineServer, step: Step, status: number): Promise<string | null> {
  const graphql = step.url === '/v1/graphql' || step.url === '/v1beta1/relay';
  const allowed = graphql ? [status === 404 ? 404 : 200] : [401, 404];
  for (const [label, extra] of [['no admin secret', {}], ['a wrong admin secret', { 'X-Hasura-Admin-Secret': randomBytes(30).toString('base64') }]] as const) {
    const response = await send(server.baseUrl, request(step, { ...stepHeaders(step), ...extra }));
    if (!allowed.includes(response.status)) return `with ${label}: status ${response.status}, expected ${allowed.join(' or ')} (${short(response.body)})`;
  }
  return null;
}

const truthy = (value: unknown) => value !== undefined && value !== null && value !== false && value !== 0 && value !== '' && !(Array.isArray(value) && value.length === 0) && !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

export function verdictOf(step: Step, response: HttpResponse): Verdict {
  if (step.allowed_responses !== undefined) return assertAllowed(response.body, step.allowed_responses, step.query, response.headers);
  if (!truthy(step.response)) return { ok: true };
  return assertResponse(response.body, step.response, step.query, response.headers, step.resp_headers);
}

/** Runs one step as Hasura's `check_query` does over HTTP with an admin secret. */
export async function runStep(server: EngineServer, step: Step, label: string): Promise<StepOutcome> {
  if (typeof step?.url !== 'string') return { ok: false, reason: 'step has no url' };
  const status = step.status ?? 200;
  const headers = stepHeaders(step);
  if (Object.keys(headers).length === 0 && coin(label)) headers['X-Hasura-Role'] = 'admin';
  const probe = await probeWithoutSecret(server, step, status);
  if (probe) return { ok: false, reason: probe };
  headers['X-Hasura-Admin-Secret'] = server.adminSecret;
  const response = await send(server.baseUrl, request(step, headers));
  if (response.status !== status) return { ok: false, reason: `status ${response.status}, expected ${status}: ${short(response.body)}`, response };
  const verdict = verdictOf(step, response);
  if (!verdict.ok) return { ok: false, reason: verdict.reason, response, ...(verdict.numbersAsStrings ? { numbersAsStrings: true } : {}) };
  return { ok: true, response, notes: verdict.note ? [verdict.note] : [] };
}
