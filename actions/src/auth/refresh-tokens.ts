import { randomUUID } from 'node:crypto';
import { all, maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { randomToken, sha256Hex } from '../crypto/tokens.ts';
import type { ClientInfo } from '../http/client-info.ts';

/** refresh_tokens.revoked_reason values (the table's check constraint). */
export type RevokeReason = 'LOGOUT' | 'LOGOUT_ALL' | 'REUSE_DETECTED' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'SESSION_REVOKED' | 'MFA_CHANGED' | 'ENDED_BY_ADMIN' | 'DEACTIVATED';

export interface SessionLifetimes {
  idleSeconds: number;
  absoluteSeconds: number;
}

export interface IssuedRefreshToken {
  refreshToken: string;
  /** When the token dies if not used (inactivity timeout), never after the session's end. */
  expiresAt: Date;
  /** The session's absolute end; rotation never moves it. */
  sessionExpiresAt: Date;
  sessionId: string;
}

interface TokenRow {
  id: string;
  tenant_id: string;
  user_id: string;
  family_id: string;
  session_started_at: Date;
  expires_at: Date;
  absolute_expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

const addSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

async function insertToken(
  tx: Queryable,
  row: { tenantId: string; userId: string; familyId: string; startedAt: Date; absoluteExpiresAt: Date },
  lifetimes: SessionLifetimes,
  client: ClientInfo,
  now: Date,
): Promise<IssuedRefreshToken & { id: string }> {
  const id = randomUUID();
  const refreshToken = randomToken();
  const idleEnd = addSeconds(now, lifetimes.idleSeconds);
  const expiresAt = idleEnd < row.absoluteExpiresAt ? idleEnd : row.absoluteExpiresAt;
  await tx.query(
    `insert into public.refresh_tokens (id, tenant_id, user_id, family_id, token_hash, session_started_at, created_at,
                                        expires_at, absolute_expires_at, ip_address, user_agent)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, row.tenantId, row.userId, row.familyId, sha256Hex(refreshToken), row.startedAt, now, expiresAt, row.absoluteExpiresAt, client.ip, client.userAgent],
  );
  return { id, refreshToken, expiresAt, sessionExpiresAt: row.absoluteExpiresAt, sessionId: row.familyId };
}

/** Starts a new session (a new token family) for a user who just proved who they are. */
export async function startSession(
  tx: Queryable,
  user: { id: string; tenant_id: string },
  lifetimes: SessionLifetimes,
  client: ClientInfo,
  now: Date,
): Promise<IssuedRefreshToken> {
  const row = { tenantId: user.tenant_id, userId: user.id, familyId: randomUUID(), startedAt: now, absoluteExpiresAt: addSeconds(now, lifetimes.absoluteSeconds) };
  const { id: _id, ...issued } = await insertToken(tx, row, lifetimes, client, now);
  return issued;
}

export type RotationOutcome =
  | { kind: 'rotated'; userId: string; tenantId: string; issued: IssuedRefreshToken }
  | { kind: 'unknown' }
  | { kind: 'revoked'; userId: string; tenantId: string; familyId: string }
  | { kind: 'expired'; userId: string; tenantId: string; familyId: string }
  | { kind: 'reused'; userId: string; tenantId: string; familyId: string };

/**
 * Exchanges a refresh token for a new one in the same family. Presenting a token that was already
 * rotated means two parties hold the family: the caller revokes the whole family (reuse detection).
 */
export async function rotateRefreshToken(
  tx: Queryable,
  token: string,
  lifetimes: SessionLifetimes,
  client: ClientInfo,
  now: Date,
): Promise<RotationOutcome> {
  const row = await maybeOne<TokenRow>(
    tx,
    `select id, tenant_id, user_id, family_id, session_started_at, expires_at, absolute_expires_at, rotated_at, revoked_at
       from public.refresh_tokens where token_hash = $1 for update`,
    [sha256Hex(token)],
  );
  if (!row) return { kind: 'unknown' };
  const who = { userId: row.user_id, tenantId: row.tenant_id, familyId: row.family_id };
  if (row.revoked_at) return { kind: 'revoked', ...who };
  if (row.rotated_at) return { kind: 'reused', ...who };
  if (row.expires_at <= now || row.absolute_expires_at <= now) return { kind: 'expired', ...who };
  const next = await insertToken(
    tx,
    { tenantId: row.tenant_id, userId: row.user_id, familyId: row.family_id, startedAt: row.session_started_at, absoluteExpiresAt: row.absolute_expires_at },
    lifetimes,
    client,
    now,
  );
  await tx.query('update public.refresh_tokens set rotated_at = $2, last_used_at = $2, replaced_by_id = $3 where id = $1', [row.id, now, next.id]);
  const { id: _id, ...issued } = next;
  return { kind: 'rotated', userId: row.user_id, tenantId: row.tenant_id, issued };
}

/** Ends one session (every token of the family). True when the session was still active. */
export async function revokeFamily(tx: Queryable, familyId: string, reason: RevokeReason, now: Date): Promise<boolean> {
  const result = await tx.query<{ active: boolean }>(
    `update public.refresh_tokens set revoked_at = $2, revoked_reason = $3
      where family_id = $1 and revoked_at is null
      returning rotated_at is null and expires_at > $2 and absolute_expires_at > $2 as active`,
    [familyId, now, reason],
  );
  return result.rows.some((row) => row.active);
}

/** Ends every session of a user; returns the number of sessions that were still active. */
export async function revokeAllSessions(tx: Queryable, userId: string, reason: RevokeReason, now: Date): Promise<number> {
  const result = await tx.query<{ active: boolean }>(
    `update public.refresh_tokens set revoked_at = $2, revoked_reason = $3
      where user_id = $1 and revoked_at is null
      returning rotated_at is null and expires_at > $2 and absolute_expires_at > $2 as active`,
    [userId, now, reason],
  );
  return result.rows.filter((row) => row.active).length;
}

/** The token row a refresh token names, if any: for logout, which must know whose session it ends. */
export function findRefreshToken(db: Queryable, token: string): Promise<{ user_id: string; tenant_id: string; family_id: string } | undefined> {
  return maybeOne(db, 'select user_id, tenant_id, family_id from public.refresh_tokens where token_hash = $1', [sha256Hex(token)]);
}

export interface ActiveSession {
  id: string;
  startedAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

/** A user's live sessions: each family's current token, newest activity first. */
export function listActiveSessions(db: Queryable, userId: string, now: Date): Promise<ActiveSession[]> {
  return all<ActiveSession>(
    db,
    `select family_id as id, session_started_at as "startedAt", created_at as "lastActiveAt", expires_at as "expiresAt",
            absolute_expires_at as "absoluteExpiresAt", host(ip_address) as "ipAddress", user_agent as "userAgent"
       from public.refresh_tokens
      where user_id = $1 and revoked_at is null and rotated_at is null and expires_at > $2 and absolute_expires_at > $2
      order by created_at desc`,
    [userId, now],
  );
}
