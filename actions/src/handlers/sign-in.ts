import bcrypt from 'bcrypt';
import { newCustomerSession, type CustomerSessionOutput } from '../auth/customer-session.ts';
import { recordSignIn } from '../auth/lockout.ts';
import type { UserRow } from '../auth/users.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import type { SecondFactor } from './second-factor.ts';
import { backupCodesLeft } from './second-factor.ts';
import { logUserActivity } from './user-activity.ts';

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

/**
 * After a correct password: re-hash when the stored hash has a different bcrypt cost than
 * configured (older or seeded hashes), so every account converges on the configured cost and
 * unknown-account timing (which uses the configured cost) stays indistinguishable.
 */
export async function upgradeHashCost(ctx: ActionContext, tx: Queryable, user: UserRow, password: string): Promise<void> {
  if (bcrypt.getRounds(user.password_hash) === ctx.kit.passwords.cost) return;
  const hash = await ctx.kit.passwords.hash(password);
  await tx.query('update public.customer_users set password_hash = $2 where id = $1', [user.id, hash]);
}
