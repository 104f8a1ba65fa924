import type { Queryable } from '../db/transaction.ts';
import { sha256Hex } from '../crypto/tokens.ts';
import { ActionError } from '../errors/action-error.ts';

export interface RateLimit {
  /** Bucket name, e.g. `sign-in:ip:203.0.113.7`; hashed identifiers keep emails out of the table. */
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit in a fixed window stored in PostgreSQL (rate_limit_buckets), so every
 * action-server process shares the count. Runs outside the action's transaction: a refused or
 * failed attempt still counts.
 */
export async function hitRateLimit(db: Queryable, rule: RateLimit, now: Date): Promise<void> {
  const result = await db.query<{ hits: number; window_started_at: Date }>(
    `insert into public.rate_limit_buckets as b (bucket_key, window_started_at, hits)
     values ($1, $2, 1)
     on conflict (bucket_key) do update set
       window_started_at = case when b.window_started_at <= $2::timestamptz - $3::int * interval '1 second' then $2 else b.window_started_at end,
       hits = case when b.window_started_at <= $2::timestamptz - $3::int * interval '1 second' then 1 else b.hits + 1 end
     returning hits, window_started_at`,
    [`rate:${rule.key}`, now, rule.windowSeconds],
  );
  const row = result.rows[0]!;
  if (row.hits > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((row.window_started_at.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
    throw new ActionError('RATE_LIMITED', { extensions: { retryAfterSeconds }, detail: rule.key });
  }
}

/** The bucket identifier of an email address: hashed with its tenant so the table holds no addresses. */
export function addressKey(tenantId: string, email: string): string {
  return sha256Hex(`${tenantId}:${email}`);
}

/**
 * Records that a one-time event happened (an MFA ticket completed, a TOTP step was used); false
 * when it had already been recorded. Shares rate_limit_buckets, the one table the action server
 * owns for short-lived counters, under its own `once:` prefix.
 */
export async function claimOnce(db: Queryable, key: string, now: Date): Promise<boolean> {
  const result = await db.query(
    `insert into public.rate_limit_buckets (bucket_key, window_started_at, hits) values ($1, $2, 1)
     on conflict (bucket_key) do nothing returning bucket_key`,
    [`once:${key}`, now],
  );
  return (result.rowCount ?? 0) === 1;
}

/** Deletes counters and one-time markers older than `before` (run periodically by the server). */
export async function pruneBuckets(db: Queryable, before: Date): Promise<number> {
  const result = await db.query('delete from public.rate_limit_buckets where window_started_at < $1', [before]);
  return result.rowCount ?? 0;
}
