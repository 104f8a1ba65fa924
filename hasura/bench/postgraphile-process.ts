import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { runChildServer } from './child-server.ts';
import { loadPostGraphile } from './graphql-realm.ts';

/** What the parent sends: the database and the pool size. */
export interface PostGraphileInit {
  databaseUrl: string;
  poolMax: number;
}

function listen(server: Server): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address() as AddressInfo));
  });
}

/**
 * PostGraphile v4 in library mode on `node:http`, serving schema `public` of the benchmark database
 * with the options its docs recommend for production (no GraphiQL, no query log, JSON as JSON).
 * No JWT, no `pgSettings`, no RLS: it serves every row to every request.
 */
runChildServer(async (init) => {
  const { databaseUrl, poolMax } = init as PostGraphileInit;
  // PostGraphile v4 resolves root fields concurrently on one client, which pg 8 queues but warns
  // about on every request; the warning says nothing about the benchmark, so this process hides it.
  process.noDeprecation = true;
  const { postgraphile } = loadPostGraphile();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
  const middleware = postgraphile(pool, 'public', {
    graphiql: false,
    disableQueryLog: true,
    retryOnInitFail: false,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    legacyRelations: 'omit',
  });
  const server = createServer(middleware);
  try {
    // Introspection and schema building happen here rather than in the first measured request.
    await middleware.getGraphQLSchema();
    const address = await listen(server);
    return {
      url: `http://127.0.0.1:${address.port}`,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await middleware.release();
        await pool.end();
      },
    };
  } catch (error) {
    await middleware.release();
    await pool.end();
    throw error;
  }
});
