import { z } from 'zod';
import { logActivity } from '../audit/activity-log.ts';
import { logUserActivity } from '../audit/user-activity.ts';
import type { CustomerSessionOutput } from '../auth/customer-session.ts';
import { isLocked, recordFailure } from '../auth/lockout.ts';
import { resolveTenant, type Tenant } from '../auth/tenants.ts';
import { throttleClient } from '../auth/throttle.ts';
import { findUserByEmail, findUserById, isUsable, type UserRow } from '../auth/users.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import { fail, unwrap, type Failure } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { defineAction } from '../http/define-action.ts';
import { completeSignIn } from '../sign-in/complete-sign-in.ts';
import { refuseSecondFactor, spendSecondFactor } from '../sign-in/second-factor.ts';
import { upgradeHashCost } from '../sign-in/upgrade-hash-cost.ts';
import { email, password, secondFactorCode, tenantSlug } from '../validation/input-fields.ts';

const input = z.object({
  tenant: tenantSlug,
  email,
  password,
  mfaCode: secondFactorCode.nullish().transform((value) => value ?? undefined),
});
type Input = z.output<typeof input>;

/** The `CustomerLoginResult` output. */
interface LoginResult {
  status: 'SIGNED_IN' | 'MFA_REQUIRED';
  session: CustomerSessionOutput | null;
  mfaTicket: string | null;
  mfaTicketExpiresAt: Date | null;
}

/**
 * customerLogin: email and password, then the second factor when MFA is on (in the same call with
 * `mfaCode`, or later with the returned ticket and customerLoginMfa). The password is checked with
 * bcrypt before the transaction (against a dummy hash when there is no account); unknown address,
 * wrong password, locked, inactive all answer INVALID_CREDENTIALS alike.
 */
export const customerLogin = defineAction('customerLogin', input, async (ctx, args) => {
  await throttleClient(ctx, 'sign-in');
  const tenant = await resolveTenant(ctx.deps.pool, args.tenant, ctx.deps.config.defaultTenant);
  const found = await findUserByEmail(ctx.deps.pool, tenant.id, args.email);
  const passwordOk = await ctx.services.passwords.verify(args.password, found?.password_hash);
  return unwrap(await inTransaction(ctx.deps.pool, (tx) => decide(ctx, tx, tenant, found, passwordOk, args)));
});

async function decide(
  ctx: ActionContext,
  tx: Queryable,
  tenant: Tenant,
  found: UserRow | undefined,
  passwordOk: boolean,
  args: Input,
): Promise<LoginResult | Failure> {
  const user = found && (await findUserById(tx, found.id, true));
  if (!user) {
    await logActivity(tx, { tenantId: tenant.id, action: 'auth.sign_in_failed', details: { reason: 'unknown_account' } }, ctx.client, ctx.now);
    return fail('INVALID_CREDENTIALS', { detail: 'unknown account' });
  }
  const refusal = !isUsable(user) ? 'inactive' : isLocked(user, ctx.now) ? 'locked' : user.password_hash !== found.password_hash ? 'password_changed' : null;
  if (refusal) {
    await logUserActivity(ctx, tx, user, 'auth.sign_in_failed', { reason: refusal });
    return fail('INVALID_CREDENTIALS', { detail: refusal });
  }
  if (!passwordOk) {
    const justLocked = await recordFailure(tx, user.id, user, ctx.now, ctx.deps.config.lockout);
    await logUserActivity(ctx, tx, user, 'auth.sign_in_failed', { reason: 'wrong_password', locked: justLocked });
    return fail('INVALID_CREDENTIALS', { detail: 'wrong password' });
  }
  if (!user.email_verified_at) {
    await logUserActivity(ctx, tx, user, 'auth.sign_in_failed', { reason: 'email_not_verified' });
    return fail('EMAIL_NOT_VERIFIED');
  }
  await upgradeHashCost(ctx, tx, user, args.password);
  if (!user.mfa_enabled) return signedIn(await completeSignIn(ctx, tx, user, null));
  if (args.mfaCode === undefined) return challenge(ctx, tx, user);
  const spent = await spendSecondFactor(ctx, tx, user, args.mfaCode);
  if (!spent.ok) return fail(await refuseSecondFactor(ctx, tx, user, spent.reason));
  return signedIn(await completeSignIn(ctx, tx, user, spent.factor));
}

function signedIn(session: CustomerSessionOutput): LoginResult {
  return { status: 'SIGNED_IN', session, mfaTicket: null, mfaTicketExpiresAt: null };
}

async function challenge(ctx: ActionContext, tx: Queryable, user: UserRow): Promise<LoginResult> {
  const { ticket, expiresAt } = ctx.services.mfaTickets.issue(
    { userId: user.id, tenantId: user.tenant_id, passwordStamp: user.password_changed_at.getTime() },
    ctx.now,
  );
  await logUserActivity(ctx, tx, user, 'auth.mfa_challenged');
  return { status: 'MFA_REQUIRED', session: null, mfaTicket: ticket, mfaTicketExpiresAt: expiresAt };
}
