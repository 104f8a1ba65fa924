import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createThrowawayDatabase, migrateUp, withClient } from '@portal/dev-db';
import { countRows, seedScale } from '@portal/seed';
import { PORTAL_QUERIES } from './bench/portal-queries.ts';
import { sampleParams } from './bench/sample-ids.ts';
import { formatTimings, timePortalQueries } from './bench/time-queries.ts';
import { readScriptConfig } from './config.ts';

const argsSchema = z.object({
  scale: z.coerce.number().positive().max(4).default(1),
  iterations: z.coerce.number().int().min(10).max(10_000).default(200),
});

/**
 * `npm run bench [-- --scale N --iterations K]`: seeds a generated data set into a throwaway
 * database, reports the seed's throughput, then times the portal's queries with their indexes and
 * with index scans disabled, and prints the ratio.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, iterations: { type: 'string' } } });
  const args = argsSchema.parse(values);
  const config = readScriptConfig();
  const database = await createThrowawayDatabase(config.DATABASE_URL, `portal_bench_${process.pid}`);
  try {
    await withClient(database.url, async (client) => {
      await migrateUp(client);
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
