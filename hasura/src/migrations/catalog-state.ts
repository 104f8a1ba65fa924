import type pg from 'pg';

/**
 * Where applied migrations are recorded, mirroring the Hasura CLI (config v3): the CLI calls
 * `set_catalog_state {type: "cli", state}` and the server keeps that state in the `cli_state`
 * column of `hdb_catalog.hdb_version`, shaped `{migrations: {<source>: {<version>: dirty}}}`.
 * So `hasura migrate status` sees the same versions when this database is served through an engine
 * that answers `get_catalog_state` from this row.
 *
 * The table is created with Hasura v2's columns when missing. Its `version` column is Hasura's
 * catalog version; a database prepared here carries the marker below instead, so a real Hasura
 * pointed at it refuses the unknown catalog version loudly rather than skipping its own catalog
 * set-up. Real Hasura is meant to start on a fresh database and run `hasura migrate apply`.
 */
export const DEV_CATALOG_VERSION = 'portal-dev-engine';

export interface CliState {
  migrations?: Record<string, Record<string, boolean>>;
  [key: string]: unknown;
}

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

/** Reads the CLI state, locking the row so concurrent migrators run one after the other. */
export async function readCliStateForUpdate(client: pg.ClientBase): Promise<CliState> {
  const result = await client.query<{ cli_state: CliState }>(
    'select cli_state from hdb_catalog.hdb_version for update',
  );
  return result.rows[0]?.cli_state ?? {};
}

export async function writeCliState(client: pg.ClientBase, state: CliState): Promise<void> {
  await client.query('update hdb_catalog.hdb_version set cli_state = $1', [JSON.stringify(state)]);
}

/** Versions recorded as applied (and not dirty) for a source. */
export function appliedVersions(state: CliState, source: string): Set<string> {
  const versions = state.migrations?.[source] ?? {};
  return new Set(Object.entries(versions).filter(([, dirty]) => !dirty).map(([version]) => version));
}

export function withVersion(state: CliState, source: string, version: string, applied: boolean): CliState {
  const sourceVersions = { ...(state.migrations?.[source] ?? {}) };
  if (applied) sourceVersions[version] = false;
  else delete sourceVersions[version];
  return { ...state, migrations: { ...(state.migrations ?? {}), [source]: sourceVersions } };
}
