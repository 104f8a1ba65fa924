import { describe, expect, test } from 'vitest';
import { SessionStore } from '../../src/lib/server/session/session-store.ts';
import { Clock, FakeTokenApi } from './fakes.ts';

function setup(options: { leeway?: number; grace?: number } = {}) {
  const clock = new Clock();
  const api = new FakeTokenApi(clock);
  const store = new SessionStore({ now: clock.read, refreshLeewayMs: options.leeway ?? 60_000, rotationGraceMs: options.grace ?? 30_000 });
  const signedIn = api.issue();
  store.add(signedIn);
  return { clock, api, store, signedIn };
}

describe('SessionStore', () => {
  test('serves the remembered access token while it is fresh, without calling the action server', async () => {
    const { api, store, signedIn } = setup();
    expect(await store.resolve(signedIn.refreshToken, api)).toBe(signedIn);
    expect(api.refreshCalls).toEqual([]);
  });

  test('refreshes before the access token expires (within the leeway)', async () => {
    const { clock, api, store, signedIn } = setup();
    clock.advance(15 * 60_000 - 59_000);
    const next = await store.resolve(signedIn.refreshToken, api);
    expect(api.refreshCalls).toEqual([signedIn.refreshToken]);
    expect(next?.accessToken).toBe('access-2');
    expect(next?.refreshToken).toBe('refresh-2');
  });

  test('concurrent requests of one session share one refresh', async () => {
    const { clock, api, store, signedIn } = setup();
    clock.advance(15 * 60_000);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => store.resolve(signedIn.refreshToken, api)));
    expect(api.refreshCalls).toHaveLength(1);
    expect(a?.refreshToken).toBe('refresh-2');
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  test('a request with the just-rotated cookie finds the new session instead of reusing the old token', async () => {
    const { clock, api, store, signedIn } = setup();
    clock.advance(15 * 60_000);
    const rotated = await store.resolve(signedIn.refreshToken, api);
    clock.advance(5_000);
    expect(await store.resolve(signedIn.refreshToken, api)).toBe(rotated);
    expect(api.refreshCalls).toHaveLength(1);
  });

  test('after the grace period the old token goes to the action server again (which refuses it)', async () => {
    const { clock, api, store, signedIn } = setup({ grace: 10_000 });
    clock.advance(15 * 60_000);
    await store.resolve(signedIn.refreshToken, api);
    clock.advance(11_000);
    expect(await store.resolve(signedIn.refreshToken, api)).toBeNull();
    expect(api.refreshCalls).toEqual([signedIn.refreshToken, signedIn.refreshToken]);
  });

  test('after invalid-jwt it refreshes even a token that looks fresh, once for many requests', async () => {
    const { api, store, signedIn } = setup();
    const [a, b] = await Promise.all([
      store.refreshAfterRejection(signedIn.refreshToken, signedIn.accessToken, api),
      store.refreshAfterRejection(signedIn.refreshToken, signedIn.accessToken, api),
    ]);
    expect(api.refreshCalls).toHaveLength(1);
    expect(a?.accessToken).toBe('access-2');
    expect(b).toBe(a);
    // A request that still held the rejected token gets the successor without another refresh.
    expect(await store.refreshAfterRejection(signedIn.refreshToken, signedIn.accessToken, api)).toBe(a);
    expect(api.refreshCalls).toHaveLength(1);
  });

  test('a session the action server ended is forgotten', async () => {
    const { clock, api, store, signedIn } = setup();
    await api.logout(signedIn.refreshToken);
    clock.advance(15 * 60_000);
    expect(await store.resolve(signedIn.refreshToken, api)).toBeNull();
    expect(store.size).toBe(0);
  });

  test('transport failures propagate and keep the session for the next request', async () => {
    const { clock, api, store, signedIn } = setup();
    clock.advance(15 * 60_000);
    api.failWith = new Error('connect ECONNREFUSED');
    await expect(store.resolve(signedIn.refreshToken, api)).rejects.toThrow('ECONNREFUSED');
    api.failWith = null;
    expect((await store.resolve(signedIn.refreshToken, api))?.accessToken).toBe('access-2');
  });

  test('sign-out ends the session at the action server and forgets it here, rotations included', async () => {
    const { clock, api, store, signedIn } = setup();
    clock.advance(15 * 60_000);
    const rotated = await store.resolve(signedIn.refreshToken, api);
    await store.signOut(signedIn.refreshToken, api);
    expect(api.logoutCalls).toEqual([rotated!.refreshToken]);
    expect(store.size).toBe(0);
    expect(store.peek(signedIn.refreshToken)).toBeUndefined();
    expect(await store.resolve(rotated!.refreshToken, api)).toBeNull();
  });

  test('replace swaps the session a password or MFA change re-issued', async () => {
    const { api, store, signedIn } = setup();
    const reissued = api.issue();
    store.replace(signedIn.refreshToken, reissued);
    expect(store.peek(signedIn.refreshToken)).toBeUndefined();
    expect(store.peek(reissued.refreshToken)).toBe(reissued);
  });

  test('remembers a bounded number of sessions', async () => {
    const clock = new Clock();
    const api = new FakeTokenApi(clock);
    const store = new SessionStore({ now: clock.read, maxSessions: 3 });
    for (let i = 0; i < 5; i += 1) store.add(api.issue());
    expect(store.size).toBe(3);
  });
});

describe('SessionStore with short-lived access tokens', () => {
  test('a one-minute token is refreshed at half its life, not on every request', async () => {
    const clock = new Clock();
    const api = new FakeTokenApi(clock, 60_000);
    const store = new SessionStore({ now: clock.read, refreshLeewayMs: 60_000 });
    const first = api.issue();
    store.add(first);
    expect(await store.resolve(first.refreshToken, api)).toBe(first);
    clock.advance(31_000);
    expect((await store.resolve(first.refreshToken, api))?.accessToken).toBe('access-2');
    expect(api.refreshCalls).toHaveLength(1);
  });
});
