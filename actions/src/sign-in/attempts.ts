import { logUserActivity } from '../audit/user-activity.ts';
import { recordFailure, refuseAttempt, type AttemptSource } from '../auth/lockout.ts';
import { findKnownDevice } from '../auth/known-devices.ts';
import type { UserRow } from '../auth/users.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import { queueEmail } from '../notifications/outbox.ts';

/** Where this attempt on (tenant, email) comes from: the account's known device named by the cookie, else the address. */
export async function attemptSource(
  ctx: ActionContext,
  account: { tenantId: string; email: string; user: Pick<UserRow, 'id'> | undefined },
  deviceToken: string | undefined,
): Promise<AttemptSource> {
  const deviceId = account.user ? await findKnownDevice(ctx.deps.pool, account.user.id, deviceToken, ctx.now) : null;
  return { tenantId: account.tenantId, email: account.email, deviceId, ip: ctx.client.ip };
}

/** Throws before any password is checked when this source must wait, is locked out, or the account is under attack. */
export async function assertMayAttempt(ctx: ActionContext, source: AttemptSource, user: Pick<UserRow, 'mfa_enabled'> | undefined): Promise<void> {
  const refusal = await refuseAttempt(ctx.deps.pool, source, ctx.deps.config.lockout, ctx.now, user?.mfa_enabled ?? false);
  if (refusal) throw refusal;
}

/**
 * Counts a failed attempt in the caller's transaction (which commits even though the action
 * refuses) and, when it puts an existing account under attack, emails its owner once.
 */
export async function countFailure(ctx: ActionContext, tx: Queryable, source: AttemptSource, user: UserRow | undefined, reason: string): Promise<void> {
  const outcome = await recordFailure(tx, source, ctx.deps.config.lockout, ctx.now);
  if (!user) return;
  await logUserActivity(ctx, tx, user, 'auth.sign_in_failed', { reason, source_locked: outcome.sourceLocked, known_device: source.deviceId !== null });
  if (outcome.attackStarted) {
    await queueEmail(tx, ctx.services.box, user, { template: 'SIGN_IN_ATTACK' }, ctx.now);
    await logUserActivity(ctx, tx, user, 'auth.account_under_attack');
  }
}
