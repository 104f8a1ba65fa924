import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import { loadProfile, type CustomerProfile } from './profile.ts';
import { startSession, type IssuedRefreshToken, type SessionLifetimes } from './refresh-tokens.ts';
import type { UserRow } from './users.ts';

/** The `CustomerSession` output: tokens for the client to keep, and the signed-in person. */
export interface CustomerSessionOutput {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  sessionId: string;
  sessionExpiresAt: Date;
  user: CustomerProfile;
  /** A new known-device token for the browser's cookie after a sign-in; null otherwise (keep the cookie). */
  deviceToken?: string | null;
}

export function sessionLifetimes(ctx: ActionContext): SessionLifetimes {
  return { idleSeconds: ctx.deps.config.sessionIdleSeconds, absoluteSeconds: ctx.deps.config.sessionAbsoluteSeconds };
}

/** Signs an access token for the user's current role and ids, next to a refresh token already issued. */
export async function sessionOutput(
  ctx: ActionContext,
  tx: Queryable,
  user: Pick<UserRow, 'id' | 'role' | 'tenant_id' | 'customer_id'>,
  issued: IssuedRefreshToken,
): Promise<CustomerSessionOutput> {
  const subject = { kind: 'user' as const, userId: user.id, role: user.role, tenantId: user.tenant_id, customerId: user.customer_id };
  const access = ctx.services.accessTokens.sign(subject, ctx.now, ctx.deps.config.accessTokenSeconds);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: issued.refreshToken,
    refreshTokenExpiresAt: issued.expiresAt,
    sessionId: issued.sessionId,
    sessionExpiresAt: issued.sessionExpiresAt,
    user: await loadProfile(tx, user.id),
  };
}

/** Starts a new session for the user and returns its tokens. */
export async function newCustomerSession(
  ctx: ActionContext,
  tx: Queryable,
  user: Pick<UserRow, 'id' | 'role' | 'tenant_id' | 'customer_id'>,
): Promise<CustomerSessionOutput> {
  const issued = await startSession(tx, user, sessionLifetimes(ctx), ctx.client, ctx.now);
  return sessionOutput(ctx, tx, user, issued);
}
