import { randomToken, sha256Hex } from '../crypto/tokens.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';

/**
 * The known device of this account that the cookie's token names, if it is still valid. Unknown,
 * expired and other people's tokens are all simply no device.
 */
export async function findKnownDevice(db: Queryable, userId: string, token: string | undefined, now: Date): Promise<string | null> {
  if (!token) return null;
  const row = await maybeOne<{ id: string }>(db, 'select id from public.known_devices where token_hash = $1 and user_id = $2 and expires_at > $3', [
    sha256Hex(token),
    userId,
    now,
  ]);
  return row?.id ?? null;
}

/**
 * After a successful sign-in: a known device is seen again; otherwise this browser becomes one and
 * gets a new raw token for its cookie (null when the cookie it has stays valid).
 */
export async function rememberDevice(
  tx: Queryable,
  userId: string,
  deviceId: string | null,
  userAgent: string | null,
  now: Date,
  lifetimeSeconds: number,
): Promise<string | null> {
  const expiresAt = new Date(now.getTime() + lifetimeSeconds * 1000);
  if (deviceId) {
    await tx.query('update public.known_devices set last_used_at = $2, expires_at = $3 where id = $1', [deviceId, now, expiresAt]);
    return null;
  }
  const token = randomToken();
  await tx.query('insert into public.known_devices (user_id, token_hash, user_agent, created_at, last_used_at, expires_at) values ($1, $2, $3, $4, $4, $5)', [
    userId,
    sha256Hex(token),
    userAgent,
    now,
    expiresAt,
  ]);
  return token;
}
