import { readEngineConfig } from '../../src/config/index.ts';
import { createEngineLogger, startEngineServer, type EngineServer, type ExtraRoutes } from '../../src/http/index.ts';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import { freePort } from '@portal/dev-db';
import { DEMO_TEMPLATE } from '@portal/test-support';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface TestServer {
  server: EngineServer;
  url: string;
  /** Every log line the server wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** The raw log text, for "never contains" assertions. */
  logText(): string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  /** POST /v1/graphql with `{query}` (plus `variables` when given). */
  graphql(query: string, headers?: Record<string, string>, variables?: Record<string, unknown>): Promise<HttpAnswer>;
  get(path: string, headers?: Record<string, string>): Promise<HttpAnswer>;
  close(): Promise<void>;
}

/** A fresh copy of the demo database for one test file (dropped after it). */
export function demoDatabase(): Promise<TestDatabase> {
  return createTestDatabase(DEMO_TEMPLATE);
}

async function answer(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * The engine's real HTTP server on a loopback port over `db`, configured by `env` (the
 * `HASURA_GRAPHQL_*` variables), with its log lines captured.
 */
export async function startTestServer(db: TestDatabase, env: Record<string, string> = {}, extraRoutes?: ExtraRoutes): Promise<TestServer> {
  const config = readEngineConfig({
    HASURA_GRAPHQL_DATABASE_URL: db.url,
    HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1',
    HASURA_GRAPHQL_SERVER_PORT: String(await freePort()),
    ...env,
  });
  const lines: string[] = [];
  const logger = createEngineLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(line) });
  const server = await startEngineServer(config, { logger, extraRoutes });
  const send = async (path: string, init: RequestInit) => answer(await fetch(`${server.url}${path}`, init));
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    send(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return {
    server,
    url: server.url,
    get logs() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    logText: () => lines.join(''),
    post,
    graphql: (query, headers, variables) => post('/v1/graphql', variables ? { query, variables } : { query }, headers),
    get: (path, headers = {}) => send(path, { headers }),
    close: () => server.close(),
  };
}

/** Hasura's error body on `/v1/graphql`. */
export function graphqlError(code: string, message: string, path = '$') {
  return { errors: [{ extensions: { path, code }, message }] };
}
