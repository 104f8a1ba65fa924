import { randomUUID } from 'node:crypto';
import type { NotificationTemplate } from '@portal/common';
import type { Queryable } from '../db/transaction.ts';
import { notificationContext, type SecretBox } from '../crypto/encryption.ts';
import { subjectOf } from './render-email.ts';

/** The templates the sign-in flows send. */
export type AuthTemplate = Extract<NotificationTemplate, 'EMAIL_VERIFICATION' | 'PASSWORD_RESET' | 'PASSWORD_CHANGED' | 'MFA_CHANGED' | 'INVITATION' | 'SIGN_IN_ATTACK'>;

export interface Recipient {
  id: string;
  tenant_id: string;
  customer_id: string | null;
  email: string;
  first_name: string;
  preferred_language: string;
}

export interface OutboxMessage {
  template: AuthTemplate;
  /** Plain facts for the email body (snake_case keys, as the other notification payloads). */
  payload?: Record<string, unknown>;
  /**
   * A one-time token for the email's link. It is stored only sealed (`payload.token_sealed`,
   * AES-256-GCM under ACTIONS_ENCRYPTION_KEY with context `notification:<id>`); the sender opens
   * it with `SecretBox.decrypt(payload.token_sealed, notificationContext(id))`.
   */
  token?: string;
}

/**
 * Queues an email as a `notifications` row in the caller's transaction; the event trigger on
 * inserts sends it (notifications/deliver.ts).
 */
export async function queueEmail(tx: Queryable, box: SecretBox, to: Recipient, message: OutboxMessage, now: Date): Promise<string> {
  const id = randomUUID();
  const payload: Record<string, unknown> = { first_name: to.first_name, ...message.payload };
  if (message.token) payload.token_sealed = box.encrypt(message.token, notificationContext(id));
  await insertNotification(tx, id, to, message.template, subjectOf(message.template, to.preferred_language, payload), payload, now);
  return id;
}

/** Queues a notification without a link token (the business notifications: quotes, orders, files). */
export async function queueNotification(tx: Queryable, to: Recipient, template: NotificationTemplate, payload: Record<string, unknown>, now: Date): Promise<string> {
  const id = randomUUID();
  const facts = { first_name: to.first_name, ...payload };
  await insertNotification(tx, id, to, template, subjectOf(template, to.preferred_language, facts), facts, now);
  return id;
}

async function insertNotification(
  tx: Queryable,
  id: string,
  to: Recipient,
  template: NotificationTemplate,
  subject: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await tx.query(
    `insert into public.notifications (id, tenant_id, customer_id, user_id, template, recipient_email, subject, payload, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [id, to.tenant_id, to.customer_id, to.id, template, to.email, subject, payload, now],
  );
}
