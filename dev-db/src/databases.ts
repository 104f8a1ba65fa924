import { quoteIdentifier } from '@portal/common/postgres';
import pg from 'pg';

/**
 * Runs `work` with a client connected to `url`, and always closes it. A connection the server ends
 * meanwhile fails `work` (with that reason) instead of crashing the process with an unheard
 * `error` event.
 */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  let lost: Error | undefined;
  client.on('error', (error) => {
    lost = error;
  });
  await client.connect();
  try {
    return await work(client);
  } catch (error) {
    if (lost && lost !== error) throw new Error(`the database connection was lost: ${lost.message}`, { cause: error });
    throw error;
  } finally {
    await client.end();
  }
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount === 1;
  });
}

/** Creates `name`, as a copy of `template` when given (cheap: a file copy inside PostgreSQL). */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const from = template ? ` template ${quoteIdentifier(template)}` : '';
  await withClient(adminUrl, (client) => client.query(`create database ${quoteIdentifier(name)}${from}`));
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`drop database if exists ${quoteIdentifier(name)} with (force)`),
  );
}

/** Replaces the database name in a connection string. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
