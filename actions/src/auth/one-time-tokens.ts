import type { OneTimeTokenPurpose } from '@portal/common';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { randomToken, sha256Hex } from '../crypto/tokens.ts';
import { fail, type Failure } from '../errors/action-error.ts';

/** DESIGN.md: email verification links live 24 hours, password reset links 1 hour; invitations a week. */
export const ONE_TIME_TOKEN_SECONDS: Record<OneTimeTokenPurpose, number> = {
  EMAIL_VERIFICATION: 24 * 3600,
  PASSWORD_RESET: 3600,
  INVITATION: 7 * 24 * 3600,
};

/**
 * Issues a token for an emailed link; only its hash is stored. Older unused tokens of the same
 * purpose are retired (marked used), so only the newest link works.
 */
export async function issueOneTimeToken(
  tx: Queryable,
  user: { id: string; tenant_id: string },
  purpose: OneTimeTokenPurpose,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  await tx.query('update public.one_time_tokens set used_at = $3 where user_id = $1 and purpose = $2 and used_at is null', [user.id, purpose, now]);
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + ONE_TIME_TOKEN_SECONDS[purpose] * 1000);
  await tx.query(
    `insert into public.one_time_tokens (tenant_id, user_id, purpose, token_hash, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [user.tenant_id, user.id, purpose, sha256Hex(token), now, expiresAt],
  );
  return { token, expiresAt };
}

/** Uses a token once: the user it belongs to, or the failure to report (unknown, used or replaced, expired). */
export async function consumeOneTimeToken(
  tx: Queryable,
  token: string,
  purpose: OneTimeTokenPurpose,
  now: Date,
): Promise<{ userId: string } | Failure> {
  const row = await maybeOne<{ id: string; user_id: string; expires_at: Date; used_at: Date | null }>(
    tx,
    'select id, user_id, expires_at, used_at from public.one_time_tokens where token_hash = $1 and purpose = $2 for update',
    [sha256Hex(token), purpose],
  );
  if (!row) return fail('INVALID_TOKEN');
  if (row.used_at) return fail('TOKEN_ALREADY_USED');
  if (row.expires_at <= now) return fail('TOKEN_EXPIRED');
  await tx.query('update public.one_time_tokens set used_at = $2 where id = $1', [row.id, now]);
  return { userId: row.user_id };
}
