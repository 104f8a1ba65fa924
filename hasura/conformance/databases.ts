import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withClient, withDatabase } from '@portal/dev-db';

export interface FixtureDatabase {
  name: string;
  url: string;
  /** Drops it, closing whatever connections are still open. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database (a copy of template0) for one fixture folder, with the `hge_tests`
 * schema that Hasura's harness creates before any setup (the subscription fixtures rely on it).
 */
export async function createFixtureDatabase(adminUrl: string): Promise<FixtureDatabase> {
  const name = `conformance_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name, 'template0');
  const url = withDatabase(adminUrl, name);
  await withClient(url, (client) => client.query('create schema hge_tests'));
  return { name, url, drop: () => dropDatabase(adminUrl, name) };
}
