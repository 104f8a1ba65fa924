import { logUserActivity } from '../audit/user-activity.ts';
import { newCustomerSession, type CustomerSessionOutput } from '../auth/customer-session.ts';
import { recordSignIn } from '../auth/lockout.ts';
import type { UserRow } from '../auth/users.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import type { SecondFactor } from './second-factor.ts';
import { backupCodesLeft } from './second-factor.ts';

/** The last step of every successful sign-in: clear failures, start a session, audit it. */
export async function completeSignIn(
  ctx: ActionContext,
  tx: Queryable,
  user: UserRow,
  secondFactor: SecondFactor | null,
): Promise<CustomerSessionOutput> {
  await recordSignIn(tx, user.id, ctx.now);
  const session = await newCustomerSession(ctx, tx, user);
  const details: Record<string, unknown> = { mfa: secondFactor ?? false, session_id: session.sessionId };
  if (secondFactor === 'backup_code') details.backup_codes_left = await backupCodesLeft(tx, user.id);
  await logUserActivity(ctx, tx, user, 'auth.sign_in', details);
  return session;
}
