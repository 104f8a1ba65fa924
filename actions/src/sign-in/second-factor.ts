import { logUserActivity } from '../audit/user-activity.ts';
import { hashBackupCode, isBackupCodeShaped } from '../auth/backup-codes.ts';
import type { AttemptSource } from '../auth/lockout.ts';
import { claimOnce } from '../auth/rate-limit.ts';
import { isTotpShaped, matchTotpStep } from '../auth/totp.ts';
import type { UserRow } from '../auth/users.ts';
import { mfaSecretContext } from '../crypto/encryption.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import { countFailure } from './attempts.ts';

export type SecondFactor = 'totp' | 'backup_code';

/** A spent second factor, or why the code was refused: wrong, or right but its time step already used. */
export type SecondFactorOutcome = { ok: true; factor: SecondFactor } | { ok: false; reason: 'wrong' | 'reused' };

/**
 * Checks a TOTP code or a backup code of a user with MFA on, and spends it: a TOTP time step and a
 * backup code each work once. A right TOTP code of a step already used is told apart, so the person
 * can be told to wait for the next code; a used backup code is simply wrong.
 */
export async function spendSecondFactor(ctx: ActionContext, tx: Queryable, user: UserRow, code: string): Promise<SecondFactorOutcome> {
  if (isTotpShaped(code) && user.mfa_secret_encrypted) {
    const secret = ctx.services.box.decrypt(user.mfa_secret_encrypted, mfaSecretContext(user.id));
    const step = matchTotpStep(secret, code, ctx.now);
    if (step === null) return { ok: false, reason: 'wrong' };
    return (await claimOnce(tx, `totp:${user.id}:${step}`, ctx.now)) ? { ok: true, factor: 'totp' } : { ok: false, reason: 'reused' };
  }
  if (isBackupCodeShaped(code)) {
    const result = await tx.query(
      'update public.mfa_backup_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning id',
      [user.id, hashBackupCode(ctx.services.backupCodeKey, code), ctx.now],
    );
    return (result.rowCount ?? 0) > 0 ? { ok: true, factor: 'backup_code' } : { ok: false, reason: 'wrong' };
  }
  return { ok: false, reason: 'wrong' };
}

/**
 * A refused second factor counts as a failed attempt from this source like a wrong password (a
 * replayed code is no sign-in either); returns the code to answer with.
 */
export async function refuseSecondFactor(ctx: ActionContext, tx: Queryable, user: UserRow, reason: 'wrong' | 'reused', source: AttemptSource) {
  await countFailure(ctx, tx, source, user, reason === 'reused' ? 'second_factor_reused' : 'wrong_second_factor');
  return reason === 'reused' ? ('MFA_CODE_ALREADY_USED' as const) : ('INVALID_MFA_CODE' as const);
}

/** Unused backup codes left, for the audit trail after one is spent. */
export async function backupCodesLeft(tx: Queryable, userId: string): Promise<number> {
  const result = await tx.query<{ n: number }>('select count(*)::int as n from public.mfa_backup_codes where user_id = $1 and used_at is null', [userId]);
  return result.rows[0]?.n ?? 0;
}
