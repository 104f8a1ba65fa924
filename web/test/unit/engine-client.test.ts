import { parse } from 'graphql';
import type { TypedDocumentNode } from '@urql/core';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../../src/lib/server/engine/api-error.ts';
import { createEngineClient } from '../../src/lib/server/engine/engine-client.ts';
import { engineApi } from '../../src/lib/server/engine/run-operation.ts';
import { RequestSession } from '../../src/lib/server/session/request-session.ts';
import { SessionStore } from '../../src/lib/server/session/session-store.ts';
import { SessionEndedError, type IssuedSession } from '../../src/lib/server/session/session-types.ts';
import { Clock, FakeTokenApi } from './fakes.ts';

const ORDERS = parse('query Orders { sales_orders { id } }') as TypedDocumentNode<{ sales_orders: Array<{ id: string }> }, Record<string, never>>;
const INVALID_JWT = { errors: [{ message: 'Could not verify JWT: JWTExpired', extensions: { path: '$', code: 'invalid-jwt' } }] };
const OK = { data: { sales_orders: [{ id: 'o-1' }] } };

/** The engine in miniature: records each request's bearer token and answers from a script (last answer repeats). */
function fakeEngine(answers: Array<(token: string | null) => unknown>) {
  const tokens: Array<string | null> = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const auth = headers.get('authorization');
    const token = auth ? auth.replace(/^Bearer /, '') : null;
    tokens.push(token);
    const answer = answers[Math.min(tokens.length - 1, answers.length - 1)]!;
    return new Response(JSON.stringify(answer(token)), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, tokens };
}

async function signedIn() {
  const clock = new Clock();
  const api = new FakeTokenApi(clock);
  const store = new SessionStore({ now: clock.read });
  const cookie: Array<IssuedSession | null> = [];
  const first = api.issue();
  store.add(first);
  const session = await RequestSession.open(store, api, first.refreshToken, (next) => cookie.push(next));
  return { clock, api, store, session, cookie, first };
}

function client(session: RequestSession, fetch: typeof globalThis.fetch) {
  return engineApi(createEngineClient({ url: 'http://engine.test/v1/graphql', session, fetch }));
}

describe('signed-in GraphQL requests', () => {
  test('carry the access token as a bearer token', async () => {
    const { session, api } = await signedIn();
    const engine = fakeEngine([() => OK]);
    expect(await client(session, engine.fetch).query(ORDERS, {})).toEqual(OK.data);
    expect(engine.tokens).toEqual(['access-1']);
    expect(api.refreshCalls).toEqual([]);
  });

  test('refresh the access token before it expires, and the cookie follows the rotated refresh token', async () => {
    const { session, api, cookie, clock } = await signedIn();
    clock.advance(15 * 60_000 - 30_000);
    const engine = fakeEngine([() => OK]);
    await client(session, engine.fetch).query(ORDERS, {});
    expect(api.refreshCalls).toEqual(['refresh-1']);
    expect(engine.tokens).toEqual(['access-2']);
    expect(cookie.map((c) => c?.refreshToken)).toEqual(['refresh-2']);
  });

  test('on invalid-jwt, refresh once and retry the operation once', async () => {
    const { session, api } = await signedIn();
    const engine = fakeEngine([() => INVALID_JWT, (token) => (token === 'access-2' ? OK : INVALID_JWT)]);
    expect(await client(session, engine.fetch).query(ORDERS, {})).toEqual(OK.data);
    expect(engine.tokens).toEqual(['access-1', 'access-2']);
    expect(api.refreshCalls).toEqual(['refresh-1']);
  });

  test('retry at most once: a second invalid-jwt is reported, not retried again', async () => {
    const { session, api } = await signedIn();
    const engine = fakeEngine([() => INVALID_JWT]);
    const failure = await client(session, engine.fetch).query(ORDERS, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('invalid-jwt');
    expect((failure as ApiError).message).not.toMatch(/JWT|\{/);
    expect(engine.tokens).toEqual(['access-1', 'access-2']);
    expect(api.refreshCalls).toHaveLength(1);
  });

  test('when the session cannot be refreshed, the request fails with SessionEndedError and the cookie is cleared', async () => {
    const { session, api, first, cookie } = await signedIn();
    await api.logout(first.refreshToken);
    const engine = fakeEngine([() => INVALID_JWT]);
    await expect(client(session, engine.fetch).query(ORDERS, {})).rejects.toBeInstanceOf(SessionEndedError);
    expect(cookie).toEqual([null]);
    expect(session.user).toBeNull();
  });

  test('sign-out clears the state: no user, no token, the cookie removed, the session ended at the server', async () => {
    const { session, api, store, cookie } = await signedIn();
    await session.signOut();
    expect(api.logoutCalls).toEqual(['refresh-1']);
    expect(cookie).toEqual([null]);
    expect(session.user).toBeNull();
    expect(store.size).toBe(0);
    await expect(session.accessToken()).rejects.toBeInstanceOf(SessionEndedError);
    const engine = fakeEngine([() => OK]);
    await expect(client(session, engine.fetch).query(ORDERS, {})).rejects.toBeInstanceOf(SessionEndedError);
    expect(engine.tokens).toEqual([]);
  });

  test('a request without a cookie is signed out and never reaches the engine with a token', async () => {
    const clock = new Clock();
    const api = new FakeTokenApi(clock);
    const session = await RequestSession.open(new SessionStore({ now: clock.read }), api, undefined, () => undefined);
    const engine = fakeEngine([() => OK]);
    await expect(client(session, engine.fetch).query(ORDERS, {})).rejects.toBeInstanceOf(SessionEndedError);
    expect(engine.tokens).toEqual([]);
  });

  test('API errors become human messages, never raw JSON', async () => {
    const { session } = await signedIn();
    const engine = fakeEngine([() => ({ errors: [{ message: 'field "secret" not found in type: \'query_root\'', extensions: { path: '$.selectionSet', code: 'validation-failed' } }] })]);
    const failure = (await client(session, engine.fetch).query(ORDERS, {}).catch((error: unknown) => error)) as ApiError;
    expect(failure.code).toBe('validation-failed');
    expect(failure.message).toBe('Something went wrong on our side. Try again in a moment.');
    expect(failure.detail).toContain('not found');
  });
});
