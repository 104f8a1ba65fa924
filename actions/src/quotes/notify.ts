import type { NotificationTemplate } from '@portal/common';
import type { Queryable } from '../db/transaction.ts';
import { queueNotification, type Recipient } from '../notifications/outbox.ts';
import { tenantStaff } from './recipients.ts';

/** The templates of the quote and order flows. */
export type QuoteTemplate = Extract<
  NotificationTemplate,
  'QUOTE_PRICED' | 'QUOTE_APPROVED' | 'QUOTE_REJECTED' | 'QUOTE_CHANGES_REQUESTED' | 'QUOTE_REQUESTED' | 'ORDER_PLACED'
>;

/** What a quote or order notification says: which document, and plain facts for the email body. */
export interface DocumentNotice {
  template: QuoteTemplate;
  /** The quote or order number the subject names. */
  documentNumber: string;
  payload: Record<string, unknown>;
}

export async function notifyPerson(tx: Queryable, to: Recipient, notice: DocumentNotice, now: Date): Promise<void> {
  await queueNotification(tx, to, notice.template, { document_number: notice.documentNumber, ...notice.payload }, now);
}

/** One notification for each active staff user of the tenant. */
export async function notifyStaff(tx: Queryable, tenantId: string, notice: DocumentNotice, now: Date): Promise<void> {
  for (const person of await tenantStaff(tx, tenantId)) await notifyPerson(tx, person, notice, now);
}
