import { hashBackupCode, isBackupCodeShaped } from '../auth/backup-codes.ts';
import { claimOnce } from '../auth/rate-limit.ts';
import { isTotpShaped, matchTotpStep } from '../auth/totp.ts';
import type { UserRow } from '../auth/users.ts';
import { mfaSecretContext } from '../crypto/encryption.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';

export type SecondFactor = 'totp' | 'backup_code';

/**
 * Checks a TOTP code or a backup code of a user with MFA on, and spends it: a TOTP time step and a
 * backup code each work once. Null when the code is wrong or already used.
 */
export async function spendSecondFactor(ctx: ActionContext, tx: Queryable, user: UserRow, code: string): Promise<SecondFactor | null> {
  if (isTotpShaped(code) && user.mfa_secret_encrypted) {
    const secret = ctx.services.box.decrypt(user.mfa_secret_encrypted, mfaSecretContext(user.id));
    const step = matchTotpStep(secret, code, ctx.now);
    if (step === null) return null;
    return (await claimOnce(tx, `totp:${user.id}:${step}`, ctx.now)) ? 'totp' : null;
  }
  if (isBackupCodeShaped(code)) {
    const result = await tx.query(
      'update public.mfa_backup_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning id',
      [user.id, hashBackupCode(ctx.services.backupCodeKey, code), ctx.now],
    );
    return (result.rowCount ?? 0) > 0 ? 'backup_code' : null;
  }
  return null;
}

/** Unused backup codes left, for the audit trail after one is spent. */
export async function backupCodesLeft(tx: Queryable, userId: string): Promise<number> {
  const result = await tx.query<{ n: number }>('select count(*)::int as n from public.mfa_backup_codes where user_id = $1 and used_at is null', [userId]);
  return result.rows[0]?.n ?? 0;
}
