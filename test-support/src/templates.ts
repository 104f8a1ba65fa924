import { createDatabase, dropDatabase, MIGRATIONS_DIR, migrateUp, withClient, withDatabase } from '@portal/dev-db';
import { seedDemo } from '@portal/seed';

/** Migrated, empty schema. */
export const SCHEMA_TEMPLATE = 'portal_test_schema';

/**
 * The schema plus the demo tenant of `npm run seed` (accounts in seed/src/demo-accounts.ts),
 * seeded at test-run time so its dates lead up to now. Passwords are hashed at bcrypt cost 4 to
 * keep the build fast; they verify like any other hash.
 */
export const DEMO_TEMPLATE = 'portal_test_demo';

/** bcrypt cost of the passwords in DEMO_TEMPLATE. */
export const DEMO_TEMPLATE_BCRYPT_COST = 4;

/** Builds the template databases from scratch so every run tests the current migrations. */
export async function buildTemplates(adminUrl: string): Promise<void> {
  await dropDatabase(adminUrl, DEMO_TEMPLATE);
  await dropDatabase(adminUrl, SCHEMA_TEMPLATE);
  await createDatabase(adminUrl, SCHEMA_TEMPLATE);
  await withClient(withDatabase(adminUrl, SCHEMA_TEMPLATE), (client) =>
    migrateUp(client, { migrationsDir: MIGRATIONS_DIR }),
  );
  await createDatabase(adminUrl, DEMO_TEMPLATE, SCHEMA_TEMPLATE);
  await withClient(withDatabase(adminUrl, DEMO_TEMPLATE), (client) =>
    seedDemo(client, { bcryptCost: DEMO_TEMPLATE_BCRYPT_COST }),
  );
}
