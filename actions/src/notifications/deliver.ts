import type { NotificationTemplate } from '@portal/common';
import type { AppDeps } from '../app-deps.ts';
import { notificationContext, SecretBox } from '../crypto/encryption.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import type { SendResult } from '../mail/mailer.ts';
import { PREFERENCE_OF } from './messages/index.ts';
import { renderEmail } from './render-email.ts';

interface PendingRow {
  id: string;
  status: string;
  template: NotificationTemplate;
  recipient_email: string;
  payload: Record<string, unknown>;
  attempts: number;
  language: string | null;
  preferences: Record<string, unknown> | null;
  printer_name: string;
}

/** What became of one notification: the status it now has, and whether Hasura should try again. */
export interface DeliveryOutcome {
  status: 'SENT' | 'FAILED' | 'SKIPPED' | 'PENDING' | 'ALREADY_DONE' | 'MISSING';
  retry: boolean;
}

async function lockRow(tx: Queryable, id: string): Promise<PendingRow | undefined> {
  const { rows } = await tx.query<PendingRow>(
    `select n.id, n.status, n.template, n.recipient_email, n.payload, n.attempts,
            u.preferred_language as language, u.notification_preferences as preferences, t.name as printer_name
       from public.notifications n
       join public.tenants t on t.id = n.tenant_id
       left join public.customer_users u on u.id = n.user_id
      where n.id = $1
        for update of n`,
    [id],
  );
  return rows[0];
}

/** Turned off by the recipient (security messages have no preference, so they are never skipped). */
function turnedOff(row: PendingRow): boolean {
  const key = PREFERENCE_OF[row.template];
  return key !== undefined && row.preferences?.[key] === false;
}

function openToken(box: SecretBox, row: PendingRow): string | null {
  const sealed = row.payload.token_sealed;
  return typeof sealed === 'string' ? box.decrypt(sealed, notificationContext(row.id)) : null;
}

async function record(tx: Queryable, id: string, result: SendResult, subject: string, now: Date, lastTry: boolean): Promise<DeliveryOutcome> {
  if (result.outcome === 'accepted') {
    await tx.query(
      `update public.notifications
          set status = 'SENT', sent_at = $2, provider_message_id = $3, subject = $4, attempts = attempts + 1, last_error = null,
              payload = payload - 'token_sealed'
        where id = $1`,
      [id, now, result.messageId, subject],
    );
    return { status: 'SENT', retry: false };
  }
  const failed = result.outcome === 'refused' || lastTry;
  // A message that is done with (sent, or given up) needs its sealed link token no more.
  await tx.query(
    `update public.notifications
        set status = $2, subject = $3, attempts = attempts + 1, last_error = $4,
            payload = case when $2 = 'FAILED' then payload - 'token_sealed' else payload end
      where id = $1`,
    [id, failed ? 'FAILED' : 'PENDING', subject, result.reason],
  );
  return failed ? { status: 'FAILED', retry: false } : { status: 'PENDING', retry: true };
}

/**
 * Sends one notification at most once. The row is locked for the whole attempt, so a redelivered
 * event waits and then finds it SENT; the provider's message id and `sent_at` are written in the
 * transaction that holds the lock. A refusal is FAILED at once; an outage is retried by Hasura
 * (retry: true) until its last try, which records FAILED with the reason.
 */
export async function deliverNotification(deps: AppDeps, id: string, lastTry: boolean): Promise<DeliveryOutcome> {
  const box = new SecretBox(deps.config.encryptionKey);
  return inTransaction(deps.pool, async (tx) => {
    const row = await lockRow(tx, id);
    if (!row) return { status: 'MISSING', retry: false };
    if (row.status !== 'PENDING') return { status: 'ALREADY_DONE', retry: false };
    if (turnedOff(row)) {
      await tx.query(`update public.notifications set status = 'SKIPPED' where id = $1`, [id]);
      return { status: 'SKIPPED', retry: false };
    }
    const email = renderEmail(
      { template: row.template, language: row.language ?? 'en-US', facts: row.payload, token: openToken(box, row) },
      { publicUrl: deps.config.publicUrl, printerName: row.printer_name },
    );
    const result = await deps.mailer.send({
      to: row.recipient_email,
      from: { email: deps.config.mail.fromAddress, name: row.printer_name },
      notificationId: row.id,
      ...email,
    });
    return record(tx, id, result, email.subject, deps.clock.now(), lastTry);
  });
}
