import type { NotificationStatus, NotificationTemplate } from '@portal/common';
import type { NotificationRow, ProofRow, UserRow } from '../tables.ts';
import { addHours } from '../time.ts';
import { userOf, type DemoContext } from './demo-context.ts';
import type { DemoOrder } from './demo-orders.ts';
import type { DemoQuote } from './demo-quotes.ts';

interface Message {
  user: UserRow;
  template: NotificationTemplate;
  subject: string;
  payload: Record<string, unknown>;
  at: Date;
  status: NotificationStatus;
}

function companyOf(ctx: DemoContext, customerId: string): string {
  return [...ctx.customers.values()].find((c) => c.id === customerId)!.customer_code;
}

function quotePriced(ctx: DemoContext, quotes: Iterable<DemoQuote>): Message[] {
  return [...quotes].filter(({ row }) => row.status === 'PRICED').map(({ row }) => ({
    user: userOf(ctx, 'customer_approver', companyOf(ctx, row.customer_id)), template: 'QUOTE_PRICED',
    subject: `Your quote "${row.title}" is ready`, payload: { quote_id: row.id }, at: row.priced_at!, status: 'SENT',
  }));
}

function orderShipped(ctx: DemoContext, orders: Iterable<DemoOrder>): Message[] {
  return [...orders].filter(({ row }) => row.shipped_at).map(({ row }) => ({
    user: userOf(ctx, 'customer_user', companyOf(ctx, row.customer_id)), template: 'ORDER_STATUS_CHANGED',
    subject: 'Your order has shipped', payload: { order_id: row.id, status: 'SHIPPED', tracking_number: row.tracking_number },
    at: row.shipped_at!, status: 'SENT',
  }));
}

function proofReady(ctx: DemoContext, proofs: readonly ProofRow[]): Message[] {
  return proofs.filter((proof) => proof.status === 'PENDING_REVIEW').map((proof) => ({
    user: userOf(ctx, 'customer_approver', companyOf(ctx, proof.customer_id)), template: 'PROOF_READY',
    subject: `Proof v${proof.version} is ready for review`, payload: { proof_id: proof.id, order_id: proof.order_id },
    at: proof.published_at, status: 'PENDING',
  }));
}

function bounced(ctx: DemoContext): Message {
  return {
    user: userOf(ctx, 'customer_user', 'OAKRIDGE'), template: 'PASSWORD_RESET', subject: 'Reset your password',
    payload: {}, at: addHours(ctx.now, -30), status: 'FAILED',
  };
}

/** The email outbox: sent messages, a few waiting to be sent, and one that bounced for good. */
export function demoNotifications(
  ctx: DemoContext,
  quotes: Iterable<DemoQuote>,
  orders: Iterable<DemoOrder>,
  proofs: readonly ProofRow[],
): NotificationRow[] {
  const messages = [...quotePriced(ctx, quotes), ...orderShipped(ctx, orders), ...proofReady(ctx, proofs), bounced(ctx)];
  return messages.map((m, i) => {
    const sentAt = m.status === 'SENT' ? addHours(m.at, 0.01) : null;
    const readAt = sentAt && i % 2 === 0 && addHours(sentAt, 2) < ctx.now ? addHours(sentAt, 2) : null;
    return {
      id: ctx.id('notification', i), tenant_id: ctx.tenantId, customer_id: m.user.customer_id, user_id: m.user.id,
      template: m.template, recipient_email: m.user.email, subject: m.subject, payload: m.payload, status: m.status,
      attempts: m.status === 'PENDING' ? 0 : m.status === 'FAILED' ? 5 : 1,
      last_error: m.status === 'FAILED' ? '550 5.1.1 mailbox unavailable' : null,
      provider_message_id: sentAt ? `demo-${i.toString(16).padStart(8, '0')}` : null,
      read_at: readAt, sent_at: sentAt, created_at: m.at, updated_at: sentAt ?? m.at,
    };
  });
}
