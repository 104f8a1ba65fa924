import type { LockoutPolicy } from '../config/config.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import { addressKey } from './rate-limit.ts';

/**
 * Where an attempt comes from: a known device of the account (its cookie), else the client address.
 * Failures are counted per account and source, so an attacker elsewhere cannot lock the person out
 * of their own browser, and per account from every source, to notice a spread-out attack. Accounts
 * are named by the hash of tenant and email, whether or not the account exists, so every answer
 * looks the same for unknown addresses.
 */
export interface AttemptSource {
  tenantId: string;
  email: string;
  deviceId: string | null;
  ip: string | null;
}

interface Counter {
  hits: number;
  last: Date;
}

function keys(source: AttemptSource): { source: string; account: string } {
  const account = `fail:${addressKey(source.tenantId, source.email)}`;
  return { account, source: source.deviceId ? `${account}:device:${source.deviceId}` : `${account}:ip:${source.ip ?? 'unknown'}` };
}

/** Counters slide: they restart at each failure and are forgotten `seconds` after the last one. */
async function readCounters(db: Queryable, source: AttemptSource, policy: LockoutPolicy, now: Date): Promise<{ source: Counter; account: Counter }> {
  const k = keys(source);
  const result = await db.query<{ bucket_key: string; hits: number; window_started_at: Date }>(
    'select bucket_key, hits, window_started_at from public.rate_limit_buckets where bucket_key = any($1)',
    [[k.source, k.account]],
  );
  const counter = (key: string): Counter => {
    const row = result.rows.find((r) => r.bucket_key === key);
    if (!row || row.window_started_at.getTime() + policy.seconds * 1000 <= now.getTime()) return { hits: 0, last: now };
    return { hits: row.hits, last: row.window_started_at };
  };
  return { source: counter(k.source), account: counter(k.account) };
}

/** Seconds until this source may try again, or 0. */
export function waitSeconds(counter: Counter, policy: LockoutPolicy, now: Date): number {
  if (counter.hits < policy.slowDownAfter) return 0;
  const delay = counter.hits >= policy.threshold ? policy.seconds : policy.slowDownSeconds * 2 ** (counter.hits - policy.slowDownAfter);
  return Math.max(0, Math.ceil((counter.last.getTime() + delay * 1000 - now.getTime()) / 1000));
}

/**
 * Whether to refuse an attempt before the password is even checked: this source must wait
 * (RATE_LIMITED with the seconds), is locked out (ACCOUNT_LOCKED), or the account is under attack
 * from many sources and this one is neither a known device nor protected by a second factor.
 */
export async function refuseAttempt(db: Queryable, source: AttemptSource, policy: LockoutPolicy, now: Date, mfaEnabled: boolean): Promise<ActionError | null> {
  const counters = await readCounters(db, source, policy, now);
  const wait = waitSeconds(counters.source, policy, now);
  if (counters.source.hits >= policy.threshold && wait > 0) return new ActionError('ACCOUNT_LOCKED', { detail: 'source locked out', extensions: { retryAfterSeconds: wait } });
  if (wait > 0) return new ActionError('RATE_LIMITED', { detail: 'slowed down', extensions: { retryAfterSeconds: wait } });
  if (counters.account.hits >= policy.attackThreshold && !source.deviceId && !mfaEnabled) {
    return new ActionError('ACCOUNT_LOCKED', { detail: 'account under attack; unknown device without MFA' });
  }
  return null;
}

export interface FailureOutcome {
  /** This failure locked the source out. */
  sourceLocked: boolean;
  /** This failure put the account under attack (the owner is told once per attack). */
  attackStarted: boolean;
}

async function bump(db: Queryable, key: string, policy: LockoutPolicy, now: Date): Promise<number> {
  const result = await db.query<{ hits: number }>(
    `insert into public.rate_limit_buckets as b (bucket_key, window_started_at, hits) values ($1, $2, 1)
     on conflict (bucket_key) do update set
       hits = case when b.window_started_at <= $2::timestamptz - $3::int * interval '1 second' then 1 else b.hits + 1 end,
       window_started_at = $2
     returning hits`,
    [key, now, policy.seconds],
  );
  return result.rows[0]!.hits;
}

/** Counts one failed attempt (wrong password, wrong or replayed second factor). */
export async function recordFailure(db: Queryable, source: AttemptSource, policy: LockoutPolicy, now: Date): Promise<FailureOutcome> {
  const k = keys(source);
  const sourceHits = await bump(db, k.source, policy, now);
  const accountHits = await bump(db, k.account, policy, now);
  return { sourceLocked: sourceHits === policy.threshold, attackStarted: accountHits === policy.attackThreshold };
}

/** A successful sign-in forgets this source's failures (not the account's: an attack goes on). */
export async function recordSuccess(db: Queryable, source: AttemptSource): Promise<void> {
  await db.query('delete from public.rate_limit_buckets where bucket_key = $1', [keys(source).source]);
}
