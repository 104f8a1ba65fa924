import { SignInDocument, SignInSecondFactorDocument } from '../../graphql/__generated__/graphql.ts';
import type { EngineApi } from '../engine/run-operation.ts';
import type { IssuedSession } from '../session/session-types.ts';
import { toIssuedSession } from './token-api.ts';

export type SignInOutcome =
  | { kind: 'signed-in'; session: IssuedSession }
  | { kind: 'second-factor'; ticket: string; expiresAt: number };

/** Email and password; throws ApiError (INVALID_CREDENTIALS, EMAIL_NOT_VERIFIED, RATE_LIMITED, …). */
export async function signIn(api: EngineApi, tenant: string | undefined, email: string, password: string): Promise<SignInOutcome> {
  const { customerLogin: result } = await api.mutate(SignInDocument, { tenant: tenant ?? null, email, password });
  if (result.status === 'MFA_REQUIRED' && result.mfaTicket) {
    const expiresAt = result.mfaTicketExpiresAt ? Date.parse(result.mfaTicketExpiresAt) : Date.now() + 5 * 60_000;
    return { kind: 'second-factor', ticket: result.mfaTicket, expiresAt };
  }
  if (!result.session) throw new Error('customerLogin answered SIGNED_IN without a session');
  return { kind: 'signed-in', session: toIssuedSession(result.session) };
}

/** The second step with the ticket of the first and a TOTP or backup code. */
export async function signInSecondFactor(api: EngineApi, ticket: string, code: string): Promise<IssuedSession> {
  const { customerLoginMfa } = await api.mutate(SignInSecondFactorDocument, { mfaTicket: ticket, code });
  return toIssuedSession(customerLoginMfa);
}
