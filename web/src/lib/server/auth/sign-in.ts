import { FinishRequiredMfaDocument, SignInDocument, SignInSecondFactorDocument } from '../../graphql/__generated__/graphql.ts';
import type { EngineApi } from '../engine/run-operation.ts';
import type { IssuedSession } from '../session/session-types.ts';
import { toIssuedSession } from './token-api.ts';

/** A new known-device token for the browser's cookie, or null to keep the one it has. */
export type SignedIn = { kind: 'signed-in'; session: IssuedSession; deviceToken: string | null };

/** After the password: a code is due (`second-factor`), or the company requires one to be set up first (`enroll`). */
export type SignInOutcome = SignedIn | { kind: 'second-factor' | 'enroll'; ticket: string; expiresAt: number };

/**
 * Email and password, with the browser's known-device token when it has one; throws ApiError
 * (INVALID_CREDENTIALS, EMAIL_NOT_VERIFIED, ACCOUNT_PENDING_APPROVAL, RATE_LIMITED, …).
 */
export async function signIn(api: EngineApi, tenant: string | undefined, email: string, password: string, deviceToken: string | undefined): Promise<SignInOutcome> {
  const { customerLogin: result } = await api.mutate(SignInDocument, { tenant: tenant ?? null, email, password, deviceToken: deviceToken ?? null });
  if (result.status !== 'SIGNED_IN' && result.mfaTicket) {
    const expiresAt = result.mfaTicketExpiresAt ? Date.parse(result.mfaTicketExpiresAt) : Date.now() + 5 * 60_000;
    return { kind: result.status === 'MFA_REQUIRED' ? 'second-factor' : 'enroll', ticket: result.mfaTicket, expiresAt };
  }
  if (!result.session) throw new Error('customerLogin answered SIGNED_IN without a session');
  return { kind: 'signed-in', session: toIssuedSession(result.session), deviceToken: result.session.deviceToken ?? null };
}

/** The second step with the ticket of the first and a TOTP or backup code. */
export async function signInSecondFactor(api: EngineApi, ticket: string, code: string, deviceToken: string | undefined): Promise<SignedIn> {
  const { customerLoginMfa: session } = await api.mutate(SignInSecondFactorDocument, { mfaTicket: ticket, code, deviceToken: deviceToken ?? null });
  return { kind: 'signed-in', session: toIssuedSession(session), deviceToken: session.deviceToken ?? null };
}

/** The first code of the authenticator app the company required: turns it on and signs in. */
export async function finishRequiredMfa(api: EngineApi, ticket: string, code: string, deviceToken: string | undefined): Promise<SignedIn> {
  const { customerFinishRequiredMfa: session } = await api.mutate(FinishRequiredMfaDocument, { mfaTicket: ticket, code, deviceToken: deviceToken ?? null });
  return { kind: 'signed-in', session: toIssuedSession(session), deviceToken: session.deviceToken ?? null };
}
