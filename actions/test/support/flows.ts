import { expect } from 'vitest';
import { notificationContext, SecretBox } from '../../src/crypto/encryption.ts';
import { sha256Hex } from '../../src/crypto/tokens.ts';
import type { TestServer } from './test-server.ts';

/** Signs in with email and password and expects a session (MFA off). */
export async function signIn(t: TestServer, email: string, password: string) {
  const { status, body } = await t.call('customerLogin', { email, password });
  expect(status, JSON.stringify(body)).toBe(200);
  expect(body.status).toBe('SIGNED_IN');
  return body.session as { accessToken: string; refreshToken: string; sessionId: string; user: Record<string, unknown> };
}

export interface QueuedEmail {
  id: string;
  template: string;
  recipient_email: string;
  subject: string;
  payload: Record<string, unknown>;
  /** The link token, opened as the email sender will (null when the email has none). */
  token: string | null;
}

/** The newest email queued for a user with this template, its token decrypted like the sender will. */
export async function lastEmail(t: TestServer, userEmail: string, template: string): Promise<QueuedEmail | undefined> {
  const { rows } = await t.db.pool.query<Omit<QueuedEmail, 'token'>>(
    `select id, template, recipient_email, subject, payload from notifications
      where recipient_email = $1 and template = $2 order by created_at desc, id limit 1`,
    [userEmail, template],
  );
  const row = rows[0];
  if (!row) return undefined;
  const sealed = row.payload.token_sealed;
  const box = new SecretBox(t.config.encryptionKey);
  return { ...row, token: typeof sealed === 'string' ? box.decrypt(sealed, notificationContext(row.id)) : null };
}

/**
 * The link token of the user's emails of this template that still works (unused, not replaced),
 * whatever order the emails were queued in within the same instant.
 */
export async function liveLinkToken(t: TestServer, userEmail: string, template: string): Promise<string> {
  const { rows } = await t.db.pool.query<{ id: string; sealed: string }>(
    "select id, payload->>'token_sealed' as sealed from notifications where recipient_email = $1 and template = $2",
    [userEmail, template],
  );
  const box = new SecretBox(t.config.encryptionKey);
  for (const row of rows) {
    const token = box.decrypt(row.sealed, notificationContext(row.id));
    const live = await t.db.pool.query('select 1 from one_time_tokens where token_hash = $1 and used_at is null', [sha256Hex(token)]);
    if (live.rowCount) return token;
  }
  throw new Error(`no working ${template} link for ${userEmail}`);
}

export async function countRows(t: TestServer, text: string, values: unknown[]): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(`select count(*)::int as n from (${text}) as counted`, values);
  return rows[0]!.n;
}
