import type pg from 'pg';
import { normalizeHeaders, resolveSession } from '../src/auth/index.ts';
import { readEngineConfig, type EngineConfig } from '../src/config/index.ts';
import { executeGraphQL, type GraphQLRequest } from '../src/engine/index.ts';
import { createEngineLogger, startEngineServer, type EngineServer } from '../src/http/index.ts';
import { runChildServer } from './child-server.ts';

/** What the parent sends: the engine's environment (`HASURA_GRAPHQL_*`, `PG_DATABASE_URL`). */
export interface EngineInit {
  env: Record<string, string>;
}

/** A `call`: the SQL the engine runs for this request, and its answer. */
export interface CaptureRequest {
  headers: Record<string, string>;
  request: GraphQLRequest;
}

export interface CapturedSql {
  text: string;
  values: unknown[];
  /** The response body the engine builds from it. */
  body: string;
}

/**
 * Runs one request through the engine's own authentication and execution with a pool that records
 * the statement, so the direct-SQL baseline runs exactly what the engine sends to PostgreSQL.
 */
async function capture(config: EngineConfig, server: EngineServer, { headers, request }: CaptureRequest): Promise<CapturedSql> {
  const statements: Array<{ text: string; values: unknown[] }> = [];
  const recorder = {
    query: (text: string, values: unknown[] = []) => {
      statements.push({ text, values });
      return server.engine.pool.query(text, values);
    },
  };
  const session = resolveSession(config.auth, normalizeHeaders(headers));
  // Only `query` is used on a query's way through executeGraphQL; the cast stands in for the rest of pg.Pool.
  const body = await executeGraphQL(server.engine.current, recorder as unknown as pg.Pool, session, request);
  if (statements.length !== 1) throw new Error(`expected the engine to run one statement, it ran ${statements.length}`);
  return { ...statements[0]!, body };
}

/** A `call` asking for the engine's own figures instead of a capture. */
export interface ProbeRequest {
  probe: true;
}

/** Statements the engine's pool ran so far, the subscriptions it serves, and its memory. */
export interface EngineProbe {
  statements: number;
  subscribers: number;
  groups: number;
  heapUsedBytes: number;
  rssBytes: number;
}

/** Counts every statement sent through the engine's pool (the subscription pollers' included). */
function countStatements(pool: pg.Pool): () => number {
  let count = 0;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    count++;
    return query(...args);
  };
  return () => count;
}

function probe(server: EngineServer, statements: () => number): EngineProbe {
  const memory = process.memoryUsage();
  return { statements: statements(), ...server.subscriptions.stats(), heapUsedBytes: memory.heapUsed, rssBytes: memory.rss };
}

runChildServer(async (init) => {
  const config = readEngineConfig((init as EngineInit).env);
  // Request logs are built as in production (Hasura logs every request) but not written anywhere.
  const logger = createEngineLogger(config, { write: () => undefined });
  const server = await startEngineServer(config, { logger });
  const statements = countStatements(server.engine.pool);
  return {
    url: server.url,
    handle: async (payload) => ((payload as ProbeRequest).probe ? probe(server, statements) : capture(config, server, payload as CaptureRequest)),
    close: () => server.close(),
  };
});
