import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { survivePoolDisconnects } from '@portal/common/postgres';
import { makeApp } from './app.ts';
import { pruneBuckets } from './auth/rate-limit.ts';
import { systemClock } from './clock.ts';
import type { ActionsConfig } from './config/config.ts';
import type { AppDeps } from './app-deps.ts';
import { buildKeyedServices } from './keyed-services.ts';
import { createLogger } from './logger.ts';
import { createSendGridMailer } from './mail/sendgrid-mailer.ts';
import { ObjectStorage } from './storage/object-storage.ts';

export interface RunningActionServer {
  /** Base URL, e.g. `http://127.0.0.1:3001` (what ACTION_BASE_URL should be). */
  url: string;
  /** Stops accepting requests, lets in-flight ones finish, and closes the pool if this server opened it. */
  close(): Promise<void>;
}

const PRUNE_EVERY_MS = 10 * 60 * 1000;
const KEEP_BUCKETS_MS = 24 * 3600 * 1000;

function buildAppDeps(config: ActionsConfig, overrides: Partial<AppDeps>): AppDeps {
  const deps: AppDeps = {
    config,
    pool: overrides.pool ?? new pg.Pool({ connectionString: config.databaseUrl, max: config.databasePoolMax }),
    clock: overrides.clock ?? systemClock,
    logger: overrides.logger ?? createLogger(config.logLevel),
    fetch: overrides.fetch ?? globalThis.fetch,
    mailer: overrides.mailer ?? createSendGridMailer(config.mail),
    storage: overrides.storage ?? new ObjectStorage(config.artwork.storage),
  };
  // A connection dropped by the database (restart, failover), idle or checked out, must not crash the process.
  survivePoolDisconnects(deps.pool, (error) => deps.logger.warn({ err: error.message }, 'database connection lost'));
  return deps;
}

function listen(server: Server, config: ActionsConfig): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`);
    });
  });
}

/** Removes old throttling counters and single-use markers now and then (any process may do it). */
function schedulePruning(deps: AppDeps): NodeJS.Timeout {
  const timer = setInterval(() => {
    pruneBuckets(deps.pool, new Date(deps.clock.now().getTime() - KEEP_BUCKETS_MS)).catch((error: Error) =>
      deps.logger.warn({ err: error.message }, 'could not prune rate-limit buckets'),
    );
  }, PRUNE_EVERY_MS);
  timer.unref();
  return timer;
}

/**
 * Starts the action server on `config.host:config.port` (port 0 picks a free one). Anything in
 * `overrides` replaces the default: a shared pool, a test clock, a logger.
 */
export async function startActionServer(config: ActionsConfig, overrides: Partial<AppDeps> = {}): Promise<RunningActionServer> {
  const deps = buildAppDeps(config, overrides);
  const services = buildKeyedServices(config);
  // Computed before the first request so an unknown-account login is never faster than a known one.
  await services.passwords.dummyHash();
  const server = createServer(makeApp(deps, services));
  const url = await listen(server, config);
  const pruning = schedulePruning(deps);
  deps.logger.info({ url }, 'action server listening');
  return {
    url,
    close: async () => {
      clearInterval(pruning);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      if (overrides.pool === undefined) await deps.pool.end();
    },
  };
}
