import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { migrateUp } from '../hasura/src/migrations/index.ts';
import { createDatabase, dropDatabase, startEmbeddedPostgres, withClient, withDatabase } from '../hasura/src/postgres/index.ts';
import { freePort } from '../test-support/free-port.ts';
import { PORTAL_QUERIES } from './bench/portal-queries.ts';
import { sampleParams } from './bench/sample-ids.ts';
import { formatTimings, timePortalQueries } from './bench/time-queries.ts';
import { readScriptConfig } from './config.ts';
import { MIGRATIONS_DIR } from './local-database.ts';
import { countRows, seedScale } from './seed/index.ts';

const argsSchema = z.object({
  scale: z.coerce.number().positive().max(4).default(1),
  iterations: z.coerce.number().int().min(10).max(10_000).default(200),
});

/** A throwaway database: on DATABASE_URL's server when set, otherwise on a temporary embedded cluster. */
async function throwawayDatabase(databaseUrl: string | undefined) {
  const name = `portal_bench_${process.pid}`;
  if (databaseUrl) {
    await createDatabase(databaseUrl, name);
    return { url: withDatabase(databaseUrl, name), dispose: () => dropDatabase(databaseUrl, name) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), disposable: true });
  await createDatabase(server.adminUrl, name);
  return {
    url: server.urlFor(name),
    dispose: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `npm run bench [-- --scale N --iterations K]`: seeds a generated data set into a throwaway
 * database, reports the seed's throughput, then times the portal's queries with their indexes and
 * with index scans disabled, and prints the ratio.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, iterations: { type: 'string' } } });
  const args = argsSchema.parse(values);
  const config = readScriptConfig();
  const database = await throwawayDatabase(config.DATABASE_URL);
  try {
    await withClient(database.url, async (client) => {
      await migrateUp(client, { migrationsDir: MIGRATIONS_DIR });
      const started = performance.now();
      const seeded = await seedScale(client, { scale: args.scale, bcryptCost: 4 });
      const seconds = (performance.now() - started) / 1000;
      const total = Object.values(await countRows(client)).reduce((sum, n) => sum + n, 0);
      process.stdout.write(
        `Seed --scale ${args.scale}: ${total.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en-US')} rows/s)\n\n`,
      );
      const sample = await sampleParams(client, seeded.tenantId);
      const timings = await timePortalQueries(client, PORTAL_QUERIES, sample, args.iterations);
      process.stdout.write(`Portal queries, median of ${args.iterations} runs (no-index: index scans disabled):\n${formatTimings(timings)}\n`);
    });
  } finally {
    await database.dispose();
  }
}

// Exit explicitly with the outcome: an idle pool or timer left behind must not keep the process running.
process.exit(
  await main().then(
    () => process.exitCode ?? 0,
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    },
  ),
);
