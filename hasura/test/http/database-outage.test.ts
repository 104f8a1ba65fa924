import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDatabaseOutage, type DatabaseOutage, type TestDatabase } from '@portal/test-support';
import { demoDatabase, graphqlError, startTestServer, type TestServer } from './server-fixture.ts';

const ADMIN = { 'x-hasura-admin-secret': 'test-admin-secret-outage' };
const READ = '{ tenants { name } }';
const WRITE = 'mutation { update_tenants(where: {}, _set: {name: "Renamed in the outage"}) { affected_rows } }';
const CONNECTION_ERROR = graphqlError('postgres-error', 'connection error');

let db: TestDatabase;
let outage: DatabaseOutage;
let engine: TestServer;

beforeAll(async () => {
  db = await demoDatabase();
  outage = await startDatabaseOutage(db.url);
  engine = await startTestServer({ ...db, url: outage.url }, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN['x-hasura-admin-secret'] });
});
afterAll(async () => {
  await engine?.close();
  await outage?.close();
});

describe('the engine while its database is away', () => {
  test('reads and writes answer the same Hasura error (HTTP 200, postgres-error), the metadata API its 500; nothing of the driver reaches a client', async () => {
    expect((await engine.graphql(READ, ADMIN)).status).toBe(200);
    await outage.cut();
    try {
      for (const query of [READ, WRITE]) {
        const answer = await engine.graphql(query, ADMIN);
        expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: CONNECTION_ERROR });
      }
      const metadata = await engine.post('/v1/metadata', { type: 'get_catalog_state', args: {} }, ADMIN);
      expect({ status: metadata.status, body: metadata.json }).toEqual({ status: 500, body: { path: '$', error: 'connection error', code: 'postgres-error' } });
      expect(metadata.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await outage.restore();
    }
  });

  test('recovers by itself when the database is back, and no write of the outage landed', async () => {
    const read = await engine.graphql(READ, ADMIN);
    expect(read.json.data.tenants.map((t: { name: string }) => t.name)).not.toContain('Renamed in the outage');
    const write = await engine.graphql(WRITE, ADMIN);
    expect(write.json).toEqual({ data: { update_tenants: { affected_rows: 1 } } });
  });

  test('the log keeps the cause the client never saw', () => {
    expect(engine.logText()).toMatch(/ECONNREFUSED|ECONNRESET|Connection terminated/);
  });
});
