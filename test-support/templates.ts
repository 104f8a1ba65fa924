import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, withClient, withDatabase } from '../hasura/src/postgres/index.ts';
import { migrateUp } from '../hasura/src/migrations/index.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

/** Migrated, empty schema. */
export const SCHEMA_TEMPLATE = 'portal_test_schema';

/** Builds the template databases from scratch so every run tests the current migrations. */
export async function buildTemplates(adminUrl: string): Promise<void> {
  await dropDatabase(adminUrl, SCHEMA_TEMPLATE);
  await createDatabase(adminUrl, SCHEMA_TEMPLATE);
  await withClient(withDatabase(adminUrl, SCHEMA_TEMPLATE), (client) =>
    migrateUp(client, { migrationsDir: MIGRATIONS_DIR }),
  );
}
