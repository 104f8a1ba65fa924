import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '@portal/test-support';
import type { Inconsistency } from '../../src/model/index.ts';
import { demoDatabase, startTestServer, type TestServer } from './server-fixture.ts';

let db: TestDatabase;
let engine: TestServer;
let listed: TestServer;

beforeAll(async () => {
  db = await demoDatabase();
  engine = await startTestServer(db, { HASURA_GRAPHQL_ADMIN_SECRET: 'test-admin-secret-health' });
  listed = await startTestServer(db, { HASURA_GRAPHQL_CORS_DOMAIN: 'https://portal.example, https://staff.example' });
});
afterAll(async () => {
  await engine?.close();
  await listed?.close();
});

/** Runs `check` with the engine's inconsistency list set to `items`, then restores it. */
async function withInconsistencies(items: Inconsistency[], check: () => Promise<void>): Promise<void> {
  const list = engine.server.engine.current.model.inconsistencies;
  const saved = list.splice(0, list.length, ...items);
  try {
    await check();
  } finally {
    list.splice(0, list.length, ...saved);
  }
}

const INCONSISTENT = { type: 'table', name: 'public.gone', reason: 'Inconsistent object: no such table/view exists in source: "public.gone"', definition: {} } as unknown as Inconsistency;

describe('GET /healthz', () => {
  test('OK when the metadata is consistent, on both paths, without credentials', async () => {
    await withInconsistencies([], async () => {
      for (const path of ['/healthz', '/hasura/healthz']) {
        const answer = await engine.get(path);
        expect([answer.status, answer.text]).toEqual([200, 'OK']);
      }
    });
  });

  test('WARN with inconsistent objects, ERROR with ?strict=true', async () => {
    await withInconsistencies([INCONSISTENT], async () => {
      const relaxed = await engine.get('/healthz');
      expect([relaxed.status, relaxed.text]).toEqual([200, 'WARN: inconsistent objects in schema']);
      const strict = await engine.get('/healthz?strict=true');
      expect([strict.status, strict.text]).toEqual([500, 'ERROR: inconsistent objects in schema']);
    });
  });
});

describe('GET /v1/version', () => {
  test('the dev engine\'s version, community edition, without credentials', async () => {
    const answer = await engine.get('/v1/version');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ version: 'v2.36.1-dev-engine', server_type: 'ce' });
  });
});

describe('CORS like Hasura\'s default', () => {
  test('any origin is echoed back with credentials allowed', async () => {
    const answer = await engine.get('/v1/version', { origin: 'https://anywhere.example' });
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,PATCH,DELETE,OPTIONS');
  });

  test('a preflight is answered 204 with the requested headers allowed', async () => {
    const response = await fetch(`${engine.url}/v1/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(response.headers.get('access-control-max-age')).toBe('1728000');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://portal.example');
  });

  test('no Origin, no CORS headers', async () => {
    expect((await engine.get('/v1/version')).headers.get('access-control-allow-origin')).toBeNull();
  });

  test('HASURA_GRAPHQL_CORS_DOMAIN limits the origins', async () => {
    expect((await listed.get('/v1/version', { origin: 'https://staff.example' })).headers.get('access-control-allow-origin')).toBe('https://staff.example');
    expect((await listed.get('/v1/version', { origin: 'https://evil.example' })).headers.get('access-control-allow-origin')).toBeNull();
  });
});
