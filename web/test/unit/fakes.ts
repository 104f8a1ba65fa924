import type { IssuedSession, SessionUser, TokenApi } from '../../src/lib/server/session/session-types.ts';

export const USER: SessionUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'user@bluepeak.example',
  firstName: 'Lena',
  lastName: 'Fischer',
  role: 'customer_user',
  customerId: '00000000-0000-4000-8000-000000000002',
  customerCode: 'BLUEPEAK',
  customerName: 'Bluepeak Coffee Roasters',
  tenantName: 'Harbourside Print Co.',
  preferredLanguage: 'en-US',
  timezone: 'America/Los_Angeles',
  emailVerified: true,
  mfaEnabled: false,
};

/** A controllable clock, in epoch milliseconds. */
export class Clock {
  constructor(public now = Date.UTC(2026, 2, 1, 12)) {}
  readonly read = () => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

/**
 * The action server's token rotation in miniature: each refresh token works once; using it again
 * (or after logout) answers "session over". Access tokens are `access-<n>`, refresh tokens `refresh-<n>`.
 */
export class FakeTokenApi implements TokenApi {
  refreshCalls: string[] = [];
  logoutCalls: string[] = [];
  /** When set, refresh fails as if the engine were unreachable. */
  failWith: Error | null = null;
  private counter = 0;
  private readonly live = new Set<string>();

  constructor(private readonly clock: Clock, private readonly accessLifetimeMs = 15 * 60_000) {}

  /** A session as sign-in would issue it. */
  issue(): IssuedSession {
    this.counter += 1;
    const refreshToken = `refresh-${this.counter}`;
    this.live.add(refreshToken);
    return {
      accessToken: `access-${this.counter}`,
      accessTokenExpiresAt: this.clock.now + this.accessLifetimeMs,
      refreshToken,
      refreshTokenExpiresAt: this.clock.now + 30 * 60_000,
      sessionId: 'session-1',
      user: USER,
    };
  }

  async refresh(refreshToken: string): Promise<IssuedSession | null> {
    this.refreshCalls.push(refreshToken);
    await Promise.resolve();
    if (this.failWith) throw this.failWith;
    if (!this.live.delete(refreshToken)) return null;
    return this.issue();
  }

  async logout(refreshToken: string): Promise<void> {
    this.logoutCalls.push(refreshToken);
    this.live.delete(refreshToken);
  }
}
