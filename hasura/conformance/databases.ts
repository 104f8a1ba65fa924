import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabase } from '@portal/dev-db';

export interface FixtureDatabase {
  name: string;
  url: string;
  /** Drops it, closing whatever connections are still open. */
  drop(): Promise<void>;
}

/** A fresh, empty database (a copy of template0) for one fixture folder. */
export async function createFixtureDatabase(adminUrl: string): Promise<FixtureDatabase> {
  const name = `conformance_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name, 'template0');
  return { name, url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
