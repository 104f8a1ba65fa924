import type { SessionStore } from './session-store.ts';
import { SessionEndedError, type IssuedSession, type SessionUser, type TokenApi } from './session-types.ts';

/** What the GraphQL client needs from a session: a current access token, and one refresh when refused. */
export interface AccessTokenSource {
  /** The access token in hand, without refreshing (null when signed out). */
  currentAccessToken(): string | null;
  /** An access token good for at least the refresh leeway, refreshing first when needed. Throws SessionEndedError. */
  accessToken(): Promise<string>;
  /** True when there is no token in hand or it expires within the leeway. */
  expiresSoon(): boolean;
  /** A new access token after the engine refused `rejected`; throws SessionEndedError when the session is over. */
  refreshAfterRejection(rejected: string): Promise<string>;
}

/** Told whenever the browser's refresh token must change: a new session, a rotation, or none (sign-out). */
export type SessionListener = (session: IssuedSession | null) => void;

/**
 * One request's view of the session: resolved once (in hooks.server.ts) from the refresh-token
 * cookie, refreshed in place when the access token runs out, and reporting every change of the
 * refresh token to `onChange` so the cookie follows it.
 */
export class RequestSession implements AccessTokenSource {
  readonly #store: SessionStore;
  readonly #api: TokenApi;
  readonly #onChange: SessionListener;
  #session: IssuedSession | null;

  private constructor(store: SessionStore, api: TokenApi, onChange: SessionListener, session: IssuedSession | null) {
    this.#store = store;
    this.#api = api;
    this.#onChange = onChange;
    this.#session = session;
  }

  /** Resolves the session of the cookie's refresh token (if any), refreshing its access token when due. */
  static async open(store: SessionStore, api: TokenApi, cookieToken: string | undefined, onChange: SessionListener): Promise<RequestSession> {
    const request = new RequestSession(store, api, onChange, null);
    if (!cookieToken) return request;
    const session = await store.resolve(cookieToken, api);
    request.#session = session;
    if (session?.refreshToken !== cookieToken) onChange(session);
    return request;
  }

  get user(): SessionUser | null {
    return this.#session?.user ?? null;
  }

  /** The action server's id of this browser's session (its refresh-token family). */
  get sessionId(): string | null {
    return this.#session?.sessionId ?? null;
  }

  /** When the access token in hand expires (ms since the epoch), null when signed out. */
  get accessTokenExpiresAt(): number | null {
    return this.#session?.accessTokenExpiresAt ?? null;
  }

  currentAccessToken(): string | null {
    return this.#session?.accessToken ?? null;
  }

  expiresSoon(): boolean {
    return !this.#session || this.#store.expiresSoon(this.#session);
  }

  async accessToken(): Promise<string> {
    const current = this.#required();
    if (this.#store.expiresSoon(current)) this.#settle(await this.#store.resolve(current.refreshToken, this.#api));
    return this.#required().accessToken;
  }

  async refreshAfterRejection(rejected: string): Promise<string> {
    const current = this.#required();
    this.#settle(await this.#store.refreshAfterRejection(current.refreshToken, rejected, this.#api));
    return this.#required().accessToken;
  }

  /** Starts a session just issued by sign-in. */
  begin(session: IssuedSession): void {
    this.#store.add(session);
    this.#settle(session);
  }

  /** Swaps in the session the action server re-issued after a password or MFA change. */
  replace(session: IssuedSession): void {
    if (this.#session) this.#store.replace(this.#session.refreshToken, session);
    else this.#store.add(session);
    this.#settle(session);
  }

  /** Updates the remembered user after a profile change. */
  updateUser(patch: Partial<SessionUser>): void {
    if (!this.#session) return;
    this.#store.updateUser(this.#session.refreshToken, patch);
    this.#session = this.#store.peek(this.#session.refreshToken) ?? { ...this.#session, user: { ...this.#session.user, ...patch } };
  }

  /** Ends the session at the action server and forgets it here; the cookie is cleared even if the server call fails. */
  async signOut(): Promise<void> {
    const current = this.#session;
    this.#settle(null);
    if (current) await this.#store.signOut(current.refreshToken, this.#api);
  }

  #required(): IssuedSession {
    if (!this.#session) throw new SessionEndedError();
    return this.#session;
  }

  #settle(next: IssuedSession | null): void {
    const changed = next?.refreshToken !== this.#session?.refreshToken;
    this.#session = next;
    if (changed) this.#onChange(next);
  }
}
