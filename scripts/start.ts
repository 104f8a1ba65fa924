import { migrateUp, withClient } from '@portal/dev-db';
import { isSeeded, seedDemo } from '@portal/seed';
import { readScriptConfig } from './config.ts';
import { openLocalDatabase } from './local-database.ts';
import { createLogger } from './logger.ts';
import { startupBanner } from './start/banner.ts';
import { stopStep } from './start/bounded-stop.ts';
import { assertPortsFree } from './start/ports.ts';
import { startServices, type RunningServices } from './start/stack.ts';

/** Migrates, and seeds the demo data on the first run only. */
async function prepareDatabase(url: string, bcryptCost: number) {
  return withClient(url, async (client) => {
    const applied = await migrateUp(client);
    if (await isSeeded(client)) return { applied: applied.length, seeded: false };
    await seedDemo(client, { bcryptCost });
    return { applied: applied.length, seeded: true };
  });
}

/**
 * `npm start`: the whole portal on the embedded default: PostgreSQL with the migrated schema and
 * demo data, the action server, the Hasura-compatible engine with its event processing, and the
 * web portal.
 */
async function main(): Promise<void> {
  const config = readScriptConfig();
  const logger = createLogger(config.LOG_LEVEL);
  await assertPortsFree(config);
  const database = await openLocalDatabase(config, logger);
  let services: RunningServices | undefined;
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    if (services) await stopStep('services', services.stop, logger);
    await stopStep('database', database.stop, logger);
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGHUP', () => void stop('SIGHUP'));

  try {
    const prepared = await prepareDatabase(database.url, config.BCRYPT_COST);
    logger.info(prepared, 'database ready');
    services = await startServices(config, database, logger);
    process.stdout.write(startupBanner({ databaseUrl: database.url, embedded: database.embedded, ...prepared, ...services }));
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/** A failure in words, whatever was thrown (some libraries reject with objects that have no message). */
function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause === undefined ? '' : ` (${describeFailure(error.cause)})`;
    return `${error.message || error.name}${cause}`;
  }
  if (error === undefined || error === null) return 'it failed without saying why; run with LOG_LEVEL=debug for the details';
  try {
    return typeof error === 'object' ? JSON.stringify(error) : String(error);
  } catch {
    return String(error);
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`start: ${describeFailure(error)}\n`);
  process.exit(1);
}
