import { Engine } from '../../src/engine/index.ts';
import type { HasuraMetadata } from '@portal/hasura-metadata';
import { handleMetadataApi } from '../../src/metadata-api/index.ts';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';

export const EMPTY_METADATA: HasuraMetadata = {
  version: 3,
  sources: [{ name: 'default', kind: 'postgres', tables: [], configuration: { connection_info: { database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' } } } }],
};

export interface ApiFixture {
  db: TestDatabase;
  engine: Engine;
  query(body: unknown): Promise<{ status: number; body: any }>;
  metadata(body: unknown): Promise<{ status: number; body: any }>;
  v2(body: unknown): Promise<{ status: number; body: any }>;
  sql(text: string): Promise<any>;
  graphql(query: string, role?: string, variables?: Record<string, string>): Promise<any>;
}

/** An engine with empty metadata over an empty database, and the three APIs on it. */
export async function apiFixture(): Promise<ApiFixture> {
  const db = await createTestDatabase('template0');
  const engine = await Engine.start(structuredClone(EMPTY_METADATA), db.pool);
  const call = (path: '/v1/query' | '/v2/query' | '/v1/metadata') => (body: unknown) => handleMetadataApi(engine, path, body);
  return {
    db,
    engine,
    query: call('/v1/query'),
    metadata: call('/v1/metadata'),
    v2: call('/v2/query'),
    async sql(text) {
      const response = await handleMetadataApi(engine, '/v1/query', { type: 'run_sql', args: { sql: text } });
      if (response.status !== 200) throw new Error(JSON.stringify(response.body));
      return response.body;
    },
    async graphql(query, role = 'admin', variables = {}) {
      return JSON.parse(await engine.execute({ role, variables: { 'x-hasura-role': role, ...variables } }, { query }));
    },
  };
}
