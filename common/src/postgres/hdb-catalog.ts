import type pg from 'pg';

/**
 * Hasura keeps the CLI's and the console's state in the one row of `hdb_catalog.hdb_version`. Two
 * writers share it here: the development migrator (which records applied migrations in `cli_state`
 * as the Hasura CLI does) and the dev engine's metadata API (`get_catalog_state`,
 * `set_catalog_state`), so `hasura migrate status` and `npm run migrate` agree.
 *
 * The table is created with Hasura v2's columns when missing. Its `version` column is Hasura's
 * catalog version; a database prepared here carries the marker below instead, so a real Hasura
 * pointed at it refuses the unknown catalog version loudly rather than skipping its own catalog
 * set-up. Real Hasura is meant to start on a fresh database and run `hasura migrate apply`.
 */
export const DEV_CATALOG_VERSION = 'portal-dev-engine';

export async function ensureCatalog(client: pg.ClientBase): Promise<void> {
  await client.query('create schema if not exists hdb_catalog');
  await client.query(`
    create table if not exists hdb_catalog.hdb_version (
      hasura_uuid uuid primary key default gen_random_uuid(),
      version text not null,
      upgraded_on timestamptz not null,
      cli_state jsonb not null default '{}'::jsonb,
      console_state jsonb not null default '{}'::jsonb,
      ee_client_id text,
      ee_client_secret text
    )`);
  await client.query(
    'create unique index if not exists hdb_version_one_row on hdb_catalog.hdb_version ((version is not null))',
  );
  await client.query(
    `insert into hdb_catalog.hdb_version (version, upgraded_on)
     select $1, now() where not exists (select 1 from hdb_catalog.hdb_version)`,
    [DEV_CATALOG_VERSION],
  );
}
