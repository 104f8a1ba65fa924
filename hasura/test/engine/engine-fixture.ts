import { fileURLToPath } from 'node:url';
import { loadMetadata } from '@portal/hasura-metadata';
import { EngineError, graphqlErrorBody } from '../../src/errors/index.ts';
import { buildEngineState, executeGraphQL, type EngineState } from '../../src/engine/index.ts';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import { DEMO_TEMPLATE } from '@portal/test-support';

export const METADATA_DIR = fileURLToPath(new URL('../../../metadata', import.meta.url));

export interface EngineFixture {
  db: TestDatabase;
  state: EngineState;
  /** Runs a query as a role with session variables and returns the parsed response. */
  query(query: string, session?: Record<string, string>, variables?: Record<string, unknown>): Promise<any>;
}

/** The portal's metadata served over a fresh copy of the demo database. */
export async function demoEngine(): Promise<EngineFixture> {
  const db = await createTestDatabase(DEMO_TEMPLATE);
  const state = await buildEngineState(loadMetadata(METADATA_DIR), db.pool);
  return {
    db,
    state,
    async query(query, session = { 'x-hasura-role': 'admin' }, variables) {
      const lower = Object.fromEntries(Object.entries(session).map(([k, v]) => [k.toLowerCase(), v]));
      const role = lower['x-hasura-role'] ?? 'admin';
      try {
        return JSON.parse(await executeGraphQL(state, db.pool, { role, variables: lower }, { query, variables: variables ?? null }));
      } catch (error) {
        if (error instanceof EngineError) return graphqlErrorBody(error);
        throw error;
      }
    },
  };
}
