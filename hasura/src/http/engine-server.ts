import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { survivePoolDisconnects } from '@portal/common/postgres';
import type { Logger } from 'pino';
import { sourceConnection, type EngineConfig } from '../config/index.ts';
import { Engine } from '../engine/index.ts';
import { loadMetadata } from '@portal/hasura-metadata';
import { handleMetadataApi } from '../metadata-api/index.ts';
import { allExtraRoutes, type ExtraRoutes } from './extra-routes.ts';
import { createEngineLogger } from './logger.ts';
import { createRequestListener } from './request-listener.ts';
import { Subscriptions } from '../subscriptions/index.ts';
import { attachWebSockets } from '../ws/index.ts';

export interface EngineServerOptions {
  /** Defaults to a JSON logger on stdout at the configured level. */
  logger?: Logger;
  /**
   * Replaces the handlers of `/v1/metadata`, `/v2/query`, `/v1/query` (admin only), which are
   * otherwise the metadata and query APIs of `src/metadata-api/` (tests stub them).
   */
  extraRoutes?: ExtraRoutes;
}

export interface EngineServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`; GraphQL is at `${url}/v1/graphql`. */
  url: string;
  engine: Engine;
  /** The live queries and streams being served (`stats()` for counts). */
  subscriptions: Subscriptions;
  /** Stops listening, ends open connections and closes the database pool. */
  close(): Promise<void>;
}

/** Hasura's admin APIs, served by every engine server as by Hasura itself. */
const METADATA_API_ROUTES: ExtraRoutes = allExtraRoutes(handleMetadataApi);

function listen(server: Server, port: number, host: string | undefined): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function baseUrl(address: AddressInfo, host: string | undefined): string {
  const wildcard = host === undefined || host === '0.0.0.0' || host === '::';
  const name = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${name}:${address.port}`;
}

async function startEngine(config: EngineConfig, logger: Logger): Promise<Engine> {
  const metadata = loadMetadata(config.metadataDir);
  const connection = sourceConnection(metadata, config);
  const pool = new pg.Pool({ connectionString: connection.url, max: connection.maxConnections });
  survivePoolDisconnects(pool, (error) => logger.error({ err: error }, 'a database connection failed'));
  try {
    // Actions read `{{ENV}}` URLs and `value_from_env` headers through the config's environment.
    const env = new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? config.fromEnv(name) : undefined) });
    return await Engine.start(metadata, pool, env, { maxQueryDepth: config.limits.maxQueryDepth, maxQueryNodes: config.limits.maxQueryNodes });
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/**
 * Loads the metadata, connects to its database, and serves the Hasura-compatible API over
 * `node:http` at `config.host:config.port` (port 0 picks a free one).
 */
export async function startEngineServer(config: EngineConfig, options: EngineServerOptions = {}): Promise<EngineServer> {
  const logger = options.logger ?? createEngineLogger(config);
  const engine = await startEngine(config, logger);
  const server = createServer(createRequestListener({
    engine,
    auth: config.auth,
    limits: config.limits,
    corsOrigins: config.corsOrigins,
    extraRoutes: { ...METADATA_API_ROUTES, ...options.extraRoutes },
    logger,
    requestLogs: config.logTypes.has('http-log'),
  }));
  const subscriptions = new Subscriptions(engine, config.subscriptions, logger);
  const sockets = attachWebSockets(server, { engine, auth: config.auth, subscriptions, settings: config.subscriptions, logger }, config.corsOrigins);
  let address: AddressInfo;
  try {
    address = await listen(server, config.port, config.host);
  } catch (error) {
    sockets.close();
    await engine.pool.end();
    throw error;
  }
  const url = baseUrl(address, config.host);
  if (config.logTypes.has('startup')) logger.info({ type: 'startup', url, authMode: config.auth.kind }, 'engine listening');
  return {
    url,
    engine,
    subscriptions,
    async close() {
      sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await engine.pool.end();
    },
  };
}
