import QRCode from 'qrcode';
import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { hashBackupCode, newBackupCodes } from '../auth/backup-codes.ts';
import { requireSessionUser } from '../auth/session-user.ts';
import { newTotpSecret } from '../auth/totp.ts';
import { mfaSecretContext } from '../crypto/encryption.ts';
import { maybeOne } from '../db/rows.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError, fail, unwrap } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { reauthenticate } from '../sign-in/reauthenticate.ts';
import { password } from '../validation/input-fields.ts';

const input = z.object({ currentPassword: password });

/**
 * customerEnrollMFA: step one of turning MFA on. Needs the current password; stores the new TOTP
 * secret as pending (encrypted) and ten backup codes (hashed), and returns them this once. MFA is
 * on only after customerVerifyMFA accepts a code from the app.
 */
export const customerEnrollMFA = defineAction('customerEnrollMFA', input, async (ctx, args) => {
  const user = await reauthenticate(ctx, args.currentPassword);
  if (user.mfa_enabled) throw new ActionError('MFA_ALREADY_ENABLED');
  const tenant = await maybeOne<{ name: string }>(ctx.deps.pool, 'select name from public.tenants where id = $1', [user.tenant_id]);
  const { secret, otpauthUrl } = newTotpSecret(tenant?.name ?? 'Print portal', user.email);
  const backupCodes = newBackupCodes();
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  unwrap(
    await inTransaction(ctx.deps.pool, async (tx) => {
      const locked = await requireSessionUser(tx, ctx.session, true);
      if (locked.mfa_enabled) return fail('MFA_ALREADY_ENABLED');
      await tx.query('update public.customer_users set mfa_pending_secret_encrypted = $2 where id = $1', [
        locked.id,
        ctx.services.box.encrypt(secret, mfaSecretContext(locked.id)),
      ]);
      await tx.query('delete from public.mfa_backup_codes where user_id = $1', [locked.id]);
      await tx.query(
        'insert into public.mfa_backup_codes (user_id, code_hash, created_at) select $1, unnest($2::text[]), $3',
        [locked.id, backupCodes.map((code) => hashBackupCode(ctx.services.backupCodeKey, code)), ctx.now],
      );
      await logUserActivity(ctx, tx, locked, 'auth.mfa_enrollment_started');
      return null;
    }),
  );
  return { secret, otpauthUrl, qrCodeDataUrl, backupCodes };
});
