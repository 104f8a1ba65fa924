import QRCode from 'qrcode';
import { logUserActivity } from '../audit/user-activity.ts';
import { hashBackupCode, newBackupCodes } from '../auth/backup-codes.ts';
import { claimOnce } from '../auth/rate-limit.ts';
import { revokeAllSessions } from '../auth/refresh-tokens.ts';
import { matchTotpStep, newTotpSecret } from '../auth/totp.ts';
import type { UserRow } from '../auth/users.ts';
import { mfaSecretContext } from '../crypto/encryption.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { fail, type Failure } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { queueEmail } from '../notifications/outbox.ts';

/** The `CustomerMfaEnrollment` output: shown once, never stored in clear. */
export interface MfaEnrollment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
  backupCodes: string[];
}

/** A new secret and backup codes for the app to scan, not yet in force. */
export async function newEnrollment(ctx: ActionContext, user: Pick<UserRow, 'tenant_id' | 'email'>): Promise<MfaEnrollment> {
  const tenant = await maybeOne<{ name: string }>(ctx.deps.pool, 'select name from public.tenants where id = $1', [user.tenant_id]);
  const { secret, otpauthUrl } = newTotpSecret(tenant?.name ?? 'Print portal', user.email);
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUrl, qrCodeDataUrl, backupCodes: newBackupCodes() };
}

/** Stores the secret as pending (encrypted) and the backup codes (hashed); the caller holds the user's row lock. */
export async function storePendingEnrollment(ctx: ActionContext, tx: Queryable, user: UserRow, enrollment: MfaEnrollment): Promise<void> {
  await tx.query('update public.customer_users set mfa_pending_secret_encrypted = $2 where id = $1', [
    user.id,
    ctx.services.box.encrypt(enrollment.secret, mfaSecretContext(user.id)),
  ]);
  await tx.query('delete from public.mfa_backup_codes where user_id = $1', [user.id]);
  await tx.query('insert into public.mfa_backup_codes (user_id, code_hash, created_at) select $1, unnest($2::text[]), $3', [
    user.id,
    enrollment.backupCodes.map((code) => hashBackupCode(ctx.services.backupCodeKey, code)),
    ctx.now,
  ]);
  await logUserActivity(ctx, tx, user, 'auth.mfa_enrollment_started');
}

/**
 * Turns MFA on once a code from the pending secret checks out (proving the app holds it); like
 * every credential change it ends all sessions and emails the user. Returns the failure, or null.
 */
export async function completeEnrollment(ctx: ActionContext, tx: Queryable, user: UserRow, code: string): Promise<Failure | null> {
  if (user.mfa_enabled) return fail('MFA_ALREADY_ENABLED');
  if (!user.mfa_pending_secret_encrypted) return fail('MFA_ENROLLMENT_NOT_STARTED');
  const secret = ctx.services.box.decrypt(user.mfa_pending_secret_encrypted, mfaSecretContext(user.id));
  const step = matchTotpStep(secret, code, ctx.now);
  if (step === null || !(await claimOnce(tx, `totp:${user.id}:${step}`, ctx.now))) return fail('INVALID_MFA_CODE');
  await tx.query(
    `update public.customer_users
        set mfa_enabled = true, mfa_secret_encrypted = mfa_pending_secret_encrypted,
            mfa_pending_secret_encrypted = null, mfa_enabled_at = $2
      where id = $1`,
    [user.id, ctx.now],
  );
  const endedSessions = await revokeAllSessions(tx, user.id, 'MFA_CHANGED', ctx.now);
  await queueEmail(tx, ctx.services.box, user, { template: 'MFA_CHANGED', payload: { enabled: true, changed_at: ctx.now } }, ctx.now);
  await logUserActivity(ctx, tx, user, 'auth.mfa_enabled', { ended_sessions: endedSessions });
  return null;
}

/** The company makes every user sign in with a second factor, and this one has none yet. */
export function mustEnrollMfa(user: Pick<UserRow, 'customer_require_mfa' | 'mfa_enabled'>): boolean {
  return user.customer_require_mfa && !user.mfa_enabled;
}
