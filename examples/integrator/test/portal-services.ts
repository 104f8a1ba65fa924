import { createServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEV_ACTION_SECRET, DEV_JWT_SECRET, readActionsConfig, startActionServer } from '@portal/actions';
import { freePort } from '@portal/dev-db';
import { createEngineLogger, readEngineConfig, startEngineServer } from '@portal/hasura';
import { createTestDatabase, DEMO_TEMPLATE, type TestDatabase } from '@portal/test-support';

export const ADMIN_SECRET = 'integrator-example-test-admin-secret';

export interface PortalServices {
  db: TestDatabase;
  /** The engine's base URL, straight. */
  engineUrl: string;
  stop(): Promise<void>;
}

/**
 * What an integrator talks to: the dev engine (JWT mode, the project's metadata) and the action
 * server that answers integratorToken, over the demo data. Integrator tokens live one minute, the
 * shortest the action server allows, so the test sees them expire.
 */
export async function startPortalServices(): Promise<PortalServices> {
  const db = await createTestDatabase(DEMO_TEMPLATE);
  const actions = await startActionServer(
    readActionsConfig({
      DATABASE_URL: db.url,
      PORTAL_ACTIONS_PORT: String(await freePort()),
      INTEGRATOR_TOKEN_MINUTES: '1',
      BCRYPT_COST: '4',
      LOG_LEVEL: 'silent',
    }),
  );
  const env = {
    HASURA_GRAPHQL_DATABASE_URL: db.url,
    PG_DATABASE_URL: db.url,
    HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1',
    HASURA_GRAPHQL_SERVER_PORT: String(await freePort()),
    HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET,
    HASURA_GRAPHQL_JWT_SECRET: DEV_JWT_SECRET,
    HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous',
    HASURA_GRAPHQL_LOG_LEVEL: 'error',
    ACTION_BASE_URL: actions.url,
    ACTION_SECRET: DEV_ACTION_SECRET,
  };
  const config = readEngineConfig(env);
  const engine = await startEngineServer(config, { logger: createEngineLogger(config) });
  return {
    db,
    engineUrl: engine.url,
    stop: async () => {
      await engine.close();
      await actions.close();
    },
  };
}

/** A TCP relay in front of the engine, so a test can drop every connection as a network would. */
export async function startRelay(targetUrl: string): Promise<{ url: string; dropAll(): void; close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
