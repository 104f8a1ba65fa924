import type pg from 'pg';

/**
 * Where applied migrations are recorded, mirroring the Hasura CLI (config v3): the CLI calls
 * `set_catalog_state {type: "cli", state}` and the server keeps that state in the `cli_state`
 * column of `hdb_catalog.hdb_version` (see `ensureCatalog` in `@portal/common/postgres`), shaped
 * `{migrations: {<source>: {<version>: dirty}}}`. So `hasura migrate status` sees the same
 * versions when this database is served through an engine that answers `get_catalog_state`.
 */
export interface CliState {
  migrations?: Record<string, Record<string, boolean>>;
  [key: string]: unknown;
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
