import { createHash } from 'node:crypto';
import type { IssuedSession, SessionUser, TokenApi } from './session-types.ts';

export interface SessionStoreOptions {
  now?: () => number;
  /**
   * Refresh when the access token expires within this many milliseconds (default 60 s), or within
   * half its lifetime when that is shorter (so a one-minute token is not refreshed on every request).
   */
  refreshLeewayMs?: number;
  /**
   * For how long a rotated refresh token still finds its session (default 30 s). A browser may send
   * the old cookie on requests that started before the Set-Cookie of the rotation reached it; sent
   * to the action server, that token would count as reuse and end the session.
   */
  rotationGraceMs?: number;
  /** Upper bound on remembered sessions; the oldest are forgotten first (they refresh on next use). */
  maxSessions?: number;
}

const keyOf = (refreshToken: string) => createHash('sha256').update(refreshToken).digest('base64url');

/**
 * The web server's memory of access tokens, keyed by (a hash of) the refresh token that the browser
 * holds in its httpOnly cookie. Nothing here is persisted: after a restart the cookie's refresh
 * token gets a new access token. Concurrent requests of one session share one refresh
 * (single flight), because the action server rotates refresh tokens and treats a second use of
 * one as theft.
 */
export class SessionStore {
  readonly #now: () => number;
  readonly #leeway: number;
  readonly #grace: number;
  readonly #max: number;
  readonly #sessions = new Map<string, IssuedSession>();
  readonly #successors = new Map<string, { key: string; sessionId: string; until: number }>();
  readonly #inflight = new Map<string, Promise<IssuedSession | null>>();
  readonly #refreshAt = new WeakMap<IssuedSession, number>();

  constructor(options: SessionStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#leeway = options.refreshLeewayMs ?? 60_000;
    this.#grace = options.rotationGraceMs ?? 30_000;
    this.#max = options.maxSessions ?? 10_000;
  }

  /** How many sessions are remembered (for tests and diagnostics). */
  get size(): number {
    return this.#sessions.size;
  }

  /** True when the access token is due for a refresh (see `refreshLeewayMs`). */
  expiresSoon(session: IssuedSession): boolean {
    const refreshAt = this.#refreshAt.get(session) ?? session.accessTokenExpiresAt - this.#leeway;
    return this.#now() >= refreshAt;
  }

  /** Remembers a session just issued by sign-in, MFA, or a password or MFA change. */
  add(session: IssuedSession): void {
    const lifetime = session.accessTokenExpiresAt - this.#now();
    this.#refreshAt.set(session, session.accessTokenExpiresAt - Math.min(this.#leeway, Math.max(0, lifetime) / 2));
    this.#sessions.set(keyOf(session.refreshToken), session);
    this.#evict();
  }

  /** The remembered session of a refresh token (following recent rotations), without refreshing. */
  peek(refreshToken: string): IssuedSession | undefined {
    return this.#sessions.get(this.#currentKey(refreshToken));
  }

  /**
   * The session of a refresh token with an access token good for at least the leeway: from memory,
   * or refreshed through `api`. Null when the session is over. Transport failures propagate.
   */
  async resolve(refreshToken: string, api: TokenApi): Promise<IssuedSession | null> {
    const key = this.#currentKey(refreshToken);
    const known = this.#sessions.get(key);
    if (known && !this.expiresSoon(known)) return known;
    return this.#refresh(key, known?.refreshToken ?? refreshToken, api);
  }

  /**
   * After the engine refused `rejectedAccessToken` (`invalid-jwt`): a refreshed session, unless
   * another request already replaced that token, in which case its successor is returned as is.
   */
  async refreshAfterRejection(refreshToken: string, rejectedAccessToken: string, api: TokenApi): Promise<IssuedSession | null> {
    const key = this.#currentKey(refreshToken);
    const known = this.#sessions.get(key);
    if (known && known.accessToken !== rejectedAccessToken && !this.expiresSoon(known)) return known;
    return this.#refresh(key, known?.refreshToken ?? refreshToken, api);
  }

  /** Replaces a session the action server ended and re-issued (password change, MFA on or off). */
  replace(oldRefreshToken: string, next: IssuedSession): void {
    this.#forget(oldRefreshToken);
    this.add(next);
  }

  /** Applies a profile change to the remembered user, so pages show it without a new sign-in. */
  updateUser(refreshToken: string, patch: Partial<SessionUser>): void {
    const key = this.#currentKey(refreshToken);
    const known = this.#sessions.get(key);
    if (!known) return;
    const updated = { ...known, user: { ...known.user, ...patch } };
    this.#refreshAt.set(updated, this.#refreshAt.get(known) ?? known.accessTokenExpiresAt - this.#leeway);
    this.#sessions.set(key, updated);
  }

  /** Forgets the session here and ends it at the action server. */
  async signOut(refreshToken: string, api: TokenApi): Promise<void> {
    const current = this.peek(refreshToken)?.refreshToken ?? refreshToken;
    this.#forget(refreshToken);
    await api.logout(current);
  }

  #refresh(key: string, refreshToken: string, api: TokenApi): Promise<IssuedSession | null> {
    const pending = this.#inflight.get(key);
    if (pending) return pending;
    const started = api
      .refresh(refreshToken)
      .then((next) => {
        const previous = this.#sessions.get(key);
        this.#sessions.delete(key);
        if (!next) {
          if (previous) this.#dropSuccessors(previous.sessionId);
          return null;
        }
        this.add(next);
        this.#successors.set(key, { key: keyOf(next.refreshToken), sessionId: next.sessionId, until: this.#now() + this.#grace });
        return next;
      })
      .finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, started);
    return started;
  }

  /** Follows rotations that happened within the grace period. */
  #currentKey(refreshToken: string): string {
    let key = keyOf(refreshToken);
    for (let hops = 0; hops < 8; hops += 1) {
      const successor = this.#successors.get(key);
      if (!successor) break;
      if (successor.until <= this.#now()) {
        this.#successors.delete(key);
        break;
      }
      key = successor.key;
    }
    return key;
  }

  #forget(refreshToken: string): void {
    const key = this.#currentKey(refreshToken);
    const session = this.#sessions.get(key);
    this.#sessions.delete(key);
    this.#successors.delete(keyOf(refreshToken));
    if (session) this.#dropSuccessors(session.sessionId);
  }

  #dropSuccessors(sessionId: string): void {
    for (const [key, successor] of this.#successors) if (successor.sessionId === sessionId) this.#successors.delete(key);
  }

  #evict(): void {
    if (this.#sessions.size <= this.#max) return;
    const now = this.#now();
    for (const [key, session] of this.#sessions) if (session.refreshTokenExpiresAt <= now) this.#sessions.delete(key);
    for (const [key, successor] of this.#successors) if (successor.until <= now) this.#successors.delete(key);
    for (const key of this.#sessions.keys()) {
      if (this.#sessions.size <= this.#max) break;
      this.#sessions.delete(key);
    }
  }
}
