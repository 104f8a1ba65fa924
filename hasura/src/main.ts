import { readEngineConfig } from './config/index.ts';
import { createEngineLogger, startEngineServer } from './http/index.ts';

/**
 * `npm run start -w @portal/hasura`: serves the metadata folder over the database named by the
 * source's `database_url.from_env` variable (PG_DATABASE_URL) or HASURA_GRAPHQL_DATABASE_URL, on
 * HASURA_GRAPHQL_SERVER_PORT (8080), until Ctrl-C.
 */
async function main(): Promise<void> {
  const config = readEngineConfig(process.env);
  const logger = createEngineLogger(config);
  const server = await startEngineServer(config, { logger });
  process.stdout.write(`Hasura-compatible dev engine: ${server.url}/v1/graphql (auth: ${config.auth.kind})\n`);
  const stop = async (signal: string) => {
    logger.info({ type: 'startup', signal }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

try {
  await main();
} catch (error) {
  process.stderr.write(`engine: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
