import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabase, withDatabase } from '../hasura/src/postgres/index.ts';
import { SCHEMA_TEMPLATE } from './templates.ts';

export interface TestDatabase {
  url: string;
  name: string;
  /** A pool on the database, closed with it. */
  pool: pg.Pool;
}

/**
 * A fresh database for one test file, cloned from a template, dropped after the file's tests.
 * Call it at the top level of a test file or in `beforeAll`.
 */
export async function createTestDatabase(template = SCHEMA_TEMPLATE): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name, template);
  const url = withDatabase(adminUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  afterAll(async () => {
    await pool.end();
    await dropDatabase(adminUrl, name);
  });
  return { url, name, pool };
}
