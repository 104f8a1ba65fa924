import { logUserActivity } from '../audit/user-activity.ts';
import { newCustomerSession, type CustomerSessionOutput } from '../auth/customer-session.ts';
import { rememberDevice } from '../auth/known-devices.ts';
import { recordSuccess, type AttemptSource } from '../auth/lockout.ts';
import type { UserRow } from '../auth/users.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import { queueNotification } from '../notifications/outbox.ts';
import type { SecondFactor } from './second-factor.ts';
import { backupCodesLeft } from './second-factor.ts';

/**
 * The last step of every successful sign-in: forget this source's failures, make this browser a
 * known device (a new cookie token when it was not one), start a session, audit it.
 */
export async function completeSignIn(
  ctx: ActionContext,
  tx: Queryable,
  user: UserRow,
  secondFactor: SecondFactor | null,
  source: AttemptSource,
): Promise<CustomerSessionOutput> {
  await recordSuccess(tx, source);
  await tx.query('update public.customer_users set last_login_at = $2 where id = $1', [user.id, ctx.now]);
  if (!source.deviceId) await tellOfNewDevice(ctx, tx, user);
  const deviceToken = await rememberDevice(tx, user.id, source.deviceId, ctx.client.userAgent, ctx.now, ctx.deps.config.knownDeviceSeconds);
  const session = await newCustomerSession(ctx, tx, user);
  const details: Record<string, unknown> = { mfa: secondFactor ?? false, session_id: session.sessionId, known_device: source.deviceId !== null };
  if (secondFactor === 'backup_code') details.backup_codes_left = await backupCodesLeft(tx, user.id);
  await logUserActivity(ctx, tx, user, 'auth.sign_in', details);
  return { ...session, deviceToken };
}

/**
 * A sign-in from a browser that is not a known device of the account: its owner is told (unless
 * they turned it off). The very first sign-in of an account has no earlier device to compare with.
 */
async function tellOfNewDevice(ctx: ActionContext, tx: Queryable, user: UserRow): Promise<void> {
  if (!(await maybeOne(tx, 'select 1 from public.known_devices where user_id = $1 limit 1', [user.id]))) return;
  const facts = { ip_address: ctx.client.ip ?? '', user_agent: ctx.client.userAgent ?? '', signed_in_at: ctx.now.toISOString() };
  await queueNotification(tx, user, 'NEW_DEVICE_SIGN_IN', facts, ctx.now);
}
