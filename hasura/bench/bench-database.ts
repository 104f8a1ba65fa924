import { createThrowawayDatabase, migrateUp, withClient } from '@portal/dev-db';
import { countRows, seedDemo, seedScale } from '@portal/seed';
import type { Teardown } from './teardown.ts';

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

/** Creates, migrates and seeds (`--scale` tenant plus the demo tenant) the benchmark's database. */
export async function prepareBenchDatabase(options: { scale: number; databaseUrl: string | undefined }, teardown: Teardown): Promise<BenchDatabase> {
  const { url, kind, dispose } = await createThrowawayDatabase(options.databaseUrl, `portal_hasura_bench_${process.pid}`);
  teardown.defer('drop the benchmark database', dispose);
  return withClient(url, async (client) => {
    await migrateUp(client);
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
