import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase, startEmbeddedPostgres, withDatabase } from '../src/postgres/index.ts';

export interface FixtureDatabase {
  name: string;
  url: string;
  /** Drops it, closing whatever connections are still open. */
  drop(): Promise<void>;
}

/** A fresh, empty database (a copy of template0) for one fixture folder. */
export async function createFixtureDatabase(adminUrl: string): Promise<FixtureDatabase> {
  const name = `conformance_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name, 'template0');
  return { name, url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  adminUrl: string;
  stop(): Promise<void>;
}

/** `DATABASE_URL`'s server when set, else a throwaway embedded PostgreSQL. */
export async function startPostgres(databaseUrl: string | undefined): Promise<PostgresServer> {
  if (databaseUrl) return { adminUrl: databaseUrl, stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'conformance-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), disposable: true });
  return {
    adminUrl: server.adminUrl,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
