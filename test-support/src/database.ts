import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabase, withDatabase } from '@portal/dev-db';
import { SCHEMA_TEMPLATE } from './templates.ts';

export interface TestDatabase {
  url: string;
  name: string;
  /** A pool on the database, closed with it. */
  pool: pg.Pool;
}

const created: TestDatabase[] = [];

// Registered when a test file first imports this module, so it runs after the file's own cleanup
// hooks (vitest runs afterAll hooks last-registered first): servers and pools a test started
// are closed before their database is dropped.
afterAll(async () => {
  const adminUrl = inject('adminDatabaseUrl');
  for (const db of created.splice(0)) {
    await db.pool.end();
    await dropDatabase(adminUrl, db.name);
  }
});

/**
 * A fresh database for one test file, cloned from a template, dropped after the file's tests.
 * Call it at the top level of a test file or in `beforeAll`.
 */
export async function createTestDatabase(template = SCHEMA_TEMPLATE): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name, template);
  const db = { url: withDatabase(adminUrl, name), name, pool: new pg.Pool({ connectionString: withDatabase(adminUrl, name), max: 4 }) };
  created.push(db);
  return db;
}
