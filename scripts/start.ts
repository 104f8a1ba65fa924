import { migrateUp, withClient } from '@portal/dev-db';
import { isSeeded, seedDemo } from '@portal/seed';
import { readScriptConfig } from './config.ts';
import { openLocalDatabase } from './local-database.ts';
import { createLogger } from './logger.ts';
import { startupBanner } from './start/banner.ts';
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
  const database = await openLocalDatabase(config, logger);
  let services: RunningServices | undefined;
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await services?.stop();
    await database.stop();
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

try {
  await main();
} catch (error) {
  process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
