import bcrypt from 'bcrypt';
import type { UserRow } from '../auth/users.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';

/**
 * After a correct password: re-hash when the stored hash has a different bcrypt cost than
 * configured (older or seeded hashes), so every account converges on the configured cost and
 * unknown-account timing (which uses the configured cost) stays indistinguishable.
 */
export async function upgradeHashCost(ctx: ActionContext, tx: Queryable, user: UserRow, password: string): Promise<void> {
  if (bcrypt.getRounds(user.password_hash) === ctx.services.passwords.cost) return;
  const hash = await ctx.services.passwords.hash(password);
  await tx.query('update public.customer_users set password_hash = $2 where id = $1', [user.id, hash]);
}
