import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, databaseExists, startEmbeddedPostgres, withDatabase, type EmbeddedServer } from '@portal/dev-db';
import type { ScriptConfig } from './config.ts';
import type { Logger } from './logger.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface LocalDatabase {
  url: string;
  /** True when the database was created by this call (so it holds nothing yet). */
  created: boolean;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The portal's database: the one in DATABASE_URL when set, otherwise an embedded PostgreSQL whose
 * data lives under PORTAL_DATA_DIR (kept between runs).
 */
export async function openLocalDatabase(config: ScriptConfig, logger: Logger): Promise<LocalDatabase> {
  if (config.DATABASE_URL) {
    logger.info('using the database from DATABASE_URL');
    return { url: config.DATABASE_URL, created: false, embedded: false, stop: async () => {} };
  }
  const dataDir = resolve(PROJECT_ROOT, config.PORTAL_DATA_DIR, 'postgres');
  const server: EmbeddedServer = await startEmbeddedPostgres({
    dataDir,
    port: config.PORTAL_EMBEDDED_PG_PORT,
    onLog: (line) => logger.debug({ postgres: line }),
  });
  logger.info({ dataDir, port: config.PORTAL_EMBEDDED_PG_PORT, initialised: server.created }, 'embedded PostgreSQL started');
  const name = config.PORTAL_DATABASE_NAME;
  const created = !(await databaseExists(server.adminUrl, name));
  if (created) await createDatabase(server.adminUrl, name);
  return { url: withDatabase(server.adminUrl, name), created, embedded: true, stop: () => server.stop() };
}
