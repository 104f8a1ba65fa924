import { z } from 'zod';
import { logActivity } from '../audit/activity-log.ts';
import { logUserActivity } from '../audit/user-activity.ts';
import type { CustomerSessionOutput } from '../auth/customer-session.ts';
import type { AttemptSource } from '../auth/lockout.ts';
import { resolveTenant, type Tenant } from '../auth/tenants.ts';
import { throttleClient } from '../auth/throttle.ts';
import { findUserByEmail, findUserById, isUsable, type UserRow } from '../auth/users.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import { fail, unwrap, type Failure } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { defineAction } from '../http/define-action.ts';
import { assertMayAttempt, attemptSource, countFailure } from '../sign-in/attempts.ts';
import { completeSignIn } from '../sign-in/complete-sign-in.ts';
import { mustEnrollMfa } from '../sign-in/mfa-enrollment.ts';
import { refuseSecondFactor, spendSecondFactor } from '../sign-in/second-factor.ts';
import { upgradeHashCost } from '../sign-in/upgrade-hash-cost.ts';
import { deviceToken, email, password, secondFactorCode, tenantSlug } from '../validation/input-fields.ts';

const input = z.object({
  tenant: tenantSlug,
  email,
  password,
  mfaCode: secondFactorCode.nullish().transform((value) => value ?? undefined),
  deviceToken,
});
type Input = z.output<typeof input>;

/** The `CustomerLoginResult` output. */
interface LoginResult {
  status: 'SIGNED_IN' | 'MFA_REQUIRED' | 'MFA_ENROLLMENT_REQUIRED';
  session: CustomerSessionOutput | null;
  mfaTicket: string | null;
  mfaTicketExpiresAt: Date | null;
}

/**
 * customerLogin: email and password, then the second factor when MFA is on (in the same call with
 * `mfaCode`, or later with the returned ticket and customerLoginMfa). Failures are counted per
 * account and source (known device or address) before the password is checked; the password is
 * checked with bcrypt outside the transaction (against a dummy hash when there is no account).
 * Unknown address, wrong password and inactive account answer INVALID_CREDENTIALS alike; a
 * right password of a registration still waiting for approval says so.
 */
export const customerLogin = defineAction('customerLogin', input, async (ctx, args) => {
  await throttleClient(ctx, 'sign-in');
  const tenant = await resolveTenant(ctx.deps.pool, args.tenant, ctx.deps.config.defaultTenant);
  const found = await findUserByEmail(ctx.deps.pool, tenant.id, args.email);
  const source = await attemptSource(ctx, { tenantId: tenant.id, email: args.email, user: found }, args.deviceToken);
  await assertMayAttempt(ctx, source, found);
  const passwordOk = await ctx.services.passwords.verify(args.password, found?.password_hash);
  return unwrap(await inTransaction(ctx.deps.pool, (tx) => decide(ctx, tx, { tenant, found, passwordOk, source }, args)));
});

interface Attempt {
  tenant: Tenant;
  found: UserRow | undefined;
  passwordOk: boolean;
  source: AttemptSource;
}

async function decide(ctx: ActionContext, tx: Queryable, attempt: Attempt, args: Input): Promise<LoginResult | Failure> {
  const { found, source } = attempt;
  const user = found && (await findUserById(tx, found.id, true));
  if (!user || !attempt.passwordOk || user.password_hash !== found.password_hash) {
    await countFailure(ctx, tx, source, user, !user ? 'unknown_account' : attempt.passwordOk ? 'password_changed' : 'wrong_password');
    if (!user) await logActivity(tx, { tenantId: attempt.tenant.id, action: 'auth.sign_in_failed', details: { reason: 'unknown_account' } }, ctx.client, ctx.now);
    return fail('INVALID_CREDENTIALS', { detail: 'wrong password or unknown account' });
  }
  // The password is right from here on, so saying why the account cannot sign in reveals nothing new.
  if (user.active && user.approval_status === 'PENDING') {
    await logUserActivity(ctx, tx, user, 'auth.sign_in_failed', { reason: 'pending_approval' });
    return fail(user.email_verified_at ? 'ACCOUNT_PENDING_APPROVAL' : 'EMAIL_NOT_VERIFIED');
  }
  if (!isUsable(user)) {
    await logUserActivity(ctx, tx, user, 'auth.sign_in_failed', { reason: 'inactive' });
    return fail('INVALID_CREDENTIALS', { detail: 'inactive' });
  }
  if (!user.email_verified_at) {
    await logUserActivity(ctx, tx, user, 'auth.sign_in_failed', { reason: 'email_not_verified' });
    return fail('EMAIL_NOT_VERIFIED');
  }
  await upgradeHashCost(ctx, tx, user, args.password);
  if (mustEnrollMfa(user)) return challenge(ctx, tx, user, 'MFA_ENROLLMENT_REQUIRED');
  if (!user.mfa_enabled) return signedIn(await completeSignIn(ctx, tx, user, null, source));
  if (args.mfaCode === undefined) return challenge(ctx, tx, user, 'MFA_REQUIRED');
  const spent = await spendSecondFactor(ctx, tx, user, args.mfaCode);
  if (!spent.ok) return fail(await refuseSecondFactor(ctx, tx, user, spent.reason, source));
  return signedIn(await completeSignIn(ctx, tx, user, spent.factor, source));
}

function signedIn(session: CustomerSessionOutput): LoginResult {
  return { status: 'SIGNED_IN', session, mfaTicket: null, mfaTicketExpiresAt: null };
}

/**
 * The password was right; the ticket carries the sign-in to its second step: a code
 * (customerLoginMfa), or setting a second factor up first when the company requires one and the
 * person has none (customerStartRequiredMfa, customerFinishRequiredMfa). Either way, no session yet.
 */
async function challenge(ctx: ActionContext, tx: Queryable, user: UserRow, status: 'MFA_REQUIRED' | 'MFA_ENROLLMENT_REQUIRED'): Promise<LoginResult> {
  const { ticket, expiresAt } = ctx.services.mfaTickets.issue(
    { userId: user.id, tenantId: user.tenant_id, passwordStamp: user.password_changed_at.getTime() },
    ctx.now,
  );
  await logUserActivity(ctx, tx, user, status === 'MFA_REQUIRED' ? 'auth.mfa_challenged' : 'auth.mfa_enrollment_required');
  return { status, session: null, mfaTicket: ticket, mfaTicketExpiresAt: expiresAt };
}
