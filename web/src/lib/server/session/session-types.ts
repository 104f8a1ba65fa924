/** The signed-in person as the portal shows them; never holds a credential. */
export interface SessionUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
  customerId: string | null;
  customerCode: string | null;
  customerName: string | null;
  tenantName: string;
  preferredLanguage: string;
  timezone: string;
  emailVerified: boolean;
  mfaEnabled: boolean;
}

/** Tokens of one session, as the action server issued them; times in epoch milliseconds. */
export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
  refreshTokenExpiresAt: number;
  sessionId: string;
  user: SessionUser;
}

/** The action server's token operations, bound to the request that needs them. */
export interface TokenApi {
  /** New tokens for the session, or null when the refresh token no longer names a live session. Throws on transport failures. */
  refresh(refreshToken: string): Promise<IssuedSession | null>;
  /** Ends the session of this refresh token on the server. */
  logout(refreshToken: string): Promise<void>;
}

/** Thrown when an operation needs a signed-in session and there is none (any more). */
export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
  constructor(message = 'The session has ended.') {
    super(message);
  }
}
