import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoIdentity, hasuraClaims, type DemoIdentity } from '../auth/demo-identity.ts';
import { signJwt, tokenPayload, type SigningKey } from '../auth/sign-jwt.ts';
import { demoDatabase, startTestServer, type TestServer } from './server-fixture.ts';

const ADMIN_SECRET = 'test-admin-secret-metadata-endpoints';
const KEY: SigningKey = { alg: 'HS256', secret: 'a-test-only-hmac-secret-for-metadata-endpoints' };
const ADMIN = { 'x-hasura-admin-secret': ADMIN_SECRET };
const EXPORT = { type: 'export_metadata', args: {} };
const PATHS = ['/v1/metadata', '/v2/query', '/v1/query'] as const;
/** Hasura v2's answer to a session that is not admin on these APIs. */
const RESTRICTED = { path: '$.args', error: 'restricted access : admin only', code: 'access-denied' };

let db: Awaited<ReturnType<typeof demoDatabase>>;
let withJwt: TestServer;
let secretOnly: TestServer;
let noAuth: TestServer;
let bluepeak: DemoIdentity;

beforeAll(async () => {
  db = await demoDatabase();
  bluepeak = await demoIdentity(db.pool, 'user@bluepeak.example');
  withJwt = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET, HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: KEY.secret }) });
  secretOnly = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET });
  noAuth = await startTestServer(db);
});
afterAll(async () => {
  await Promise.all([withJwt, secretOnly, noAuth].map((server) => server?.close()));
});

const bearer = (roles: string[]) => ({ authorization: `Bearer ${signJwt(tokenPayload(hasuraClaims(bluepeak, roles)), KEY)}` });
/** What export_metadata must answer: the metadata the engine serves. */
const served = (server: TestServer) => JSON.parse(JSON.stringify(server.server.engine.metadata));

describe('the engine server mounts the metadata and query APIs itself', () => {
  test('export_metadata with the admin secret returns the metadata', async () => {
    const answer = await withJwt.post('/v1/metadata', EXPORT, ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(served(withJwt));
    expect(answer.json.sources[0].tables.length).toBeGreaterThan(0);
  });

  test('/v2/query and /v1/query answer run_sql with the admin secret', async () => {
    const body = { type: 'run_sql', args: { sql: 'select 1 as one' } };
    for (const path of ['/v2/query', '/v1/query']) {
      const answer = await withJwt.post(path, body, ADMIN);
      expect({ path, status: answer.status, json: answer.json }).toEqual({ path, status: 200, json: { result_type: 'TuplesOk', result: [['one'], ['1']] } });
    }
  });

  test('without any admin secret configured every request is admin, so the APIs are open', async () => {
    const answer = await noAuth.post('/v1/metadata', EXPORT);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(served(noAuth));
  });
});

describe("without admin rights: Hasura's errors", () => {
  test('no admin secret (admin-secret mode): 401', async () => {
    const answer = await secretOnly.post('/v1/metadata', EXPORT);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ path: '$', error: 'x-hasura-admin-secret/x-hasura-access-key required, but not found', code: 'access-denied' });
  });

  test('no credentials at all (JWT mode): 400 for the missing token', async () => {
    const answer = await withJwt.post('/v1/metadata', EXPORT);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ path: '$', error: 'Missing Authorization header in JWT authentication mode', code: 'invalid-headers' });
  });

  test('a wrong admin secret: 401', async () => {
    for (const server of [withJwt, secretOnly]) {
      const answer = await server.post('/v1/metadata', EXPORT, { 'x-hasura-admin-secret': 'wrong' });
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ path: '$', error: 'invalid x-hasura-admin-secret/x-hasura-access-key', code: 'access-denied' });
    }
  });

  test('a JWT of a non-admin role: 400 restricted access, on every path', async () => {
    for (const path of PATHS) {
      const answer = await withJwt.post(path, EXPORT, bearer(['customer_user']));
      expect({ path, status: answer.status, json: answer.json }).toEqual({ path, status: 400, json: RESTRICTED });
    }
  });

  test('the admin secret acting as another role is not admin either', async () => {
    const answer = await withJwt.post('/v1/metadata', EXPORT, { ...ADMIN, 'x-hasura-role': 'staff' });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(RESTRICTED);
  });

  test('a refused request changes nothing', async () => {
    const before = served(withJwt);
    const answer = await withJwt.post('/v1/metadata', { type: 'clear_metadata', args: {} }, bearer(['staff']));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(RESTRICTED);
    expect((await withJwt.post('/v1/metadata', EXPORT, ADMIN)).json).toEqual(before);
  });
});
