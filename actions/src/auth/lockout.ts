import type { Queryable } from '../db/transaction.ts';

export interface LockoutPolicy {
  threshold: number;
  seconds: number;
}

export interface LockState {
  failed_login_count: number;
  locked_until: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.locked_until !== null && state.locked_until > now;
}

/**
 * The state after one more failed attempt (wrong password or wrong second factor). Once a lock has
 * run out the count starts again, so an attacker gets `threshold` tries per window, not one.
 */
export function afterFailure(state: LockState, now: Date, policy: LockoutPolicy): LockState & { justLocked: boolean } {
  const lockExpired = state.locked_until !== null && state.locked_until <= now;
  const count = (lockExpired ? 0 : state.failed_login_count) + 1;
  if (count >= policy.threshold) {
    return { failed_login_count: count, locked_until: new Date(now.getTime() + policy.seconds * 1000), justLocked: true };
  }
  return { failed_login_count: count, locked_until: null, justLocked: false };
}

/** Stores a failed attempt; the caller holds the row lock (read with `lock = true`). */
export async function recordFailure(tx: Queryable, userId: string, state: LockState, now: Date, policy: LockoutPolicy): Promise<boolean> {
  const next = afterFailure(state, now, policy);
  await tx.query('update public.customer_users set failed_login_count = $2, locked_until = $3 where id = $1', [
    userId,
    next.failed_login_count,
    next.locked_until,
  ]);
  return next.justLocked;
}

/** A successful sign-in clears the counter and any expired lock. */
export async function recordSignIn(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx.query('update public.customer_users set failed_login_count = 0, locked_until = null, last_login_at = $2 where id = $1', [userId, now]);
}
