import { z } from 'zod';
import { migrateDown, migrateUp, migrationStatus, withClient } from '@portal/dev-db';
import { readScriptConfig } from './config.ts';
import { openLocalDatabase } from './local-database.ts';
import { createLogger } from './logger.ts';

const usage = 'usage: npm run migrate [-- up | status | down --steps N]';

const commandSchema = z.union([
  z.tuple([]).transform(() => ({ command: 'up' as const })),
  z.tuple([z.literal('up')]).transform(() => ({ command: 'up' as const })),
  z.tuple([z.literal('status')]).transform(() => ({ command: 'status' as const })),
  z
    .tuple([z.literal('down'), z.literal('--steps'), z.coerce.number().int().positive()])
    .transform(([, , steps]) => ({ command: 'down' as const, steps })),
]);

async function main(): Promise<void> {
  const parsed = commandSchema.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    process.stderr.write(`${usage}\n`);
    process.exitCode = 2;
    return;
  }
  const config = readScriptConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openLocalDatabase(config, logger);
  try {
    await withClient(database.url, async (client) => {
      const request = parsed.data;
      if (request.command === 'up') {
        const applied = await migrateUp(client);
        logger.info({ applied: applied.map((m) => `${m.version}_${m.name}`) }, `applied ${applied.length} migration(s)`);
      } else if (request.command === 'down') {
        const reverted = await migrateDown(client, { steps: request.steps });
        logger.info({ reverted: reverted.map((m) => `${m.version}_${m.name}`) }, `reverted ${reverted.length} migration(s)`);
      } else {
        for (const m of await migrationStatus(client)) {
          process.stdout.write(`${m.version}  ${m.applied ? 'applied' : 'pending'}  ${m.name}\n`);
        }
      }
    });
  } finally {
    await database.stop();
  }
}

// Exit explicitly with the outcome: an idle pool or timer left behind must not keep the process running.
process.exit(
  await main().then(
    () => process.exitCode ?? 0,
    (error: unknown) => {
      process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    },
  ),
);
