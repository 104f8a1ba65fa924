/** The event types a webhook receives (the body's `type`). */
export type WebhookEventType = 'order.status_changed' | 'webhook.test';

export interface OrderStatusChange {
  eventId: string;
  occurredAt: Date;
  orderId: string;
  orderNumber: string;
  fromStatus: string | null;
  toStatus: string;
  trackingNumber: string | null;
  carrier: string | null;
}

/**
 * The body of an `order.status_changed` delivery. Fixed when the delivery is queued, so every
 * attempt sends the same bytes under the same event id.
 */
export function orderStatusChangedBody(change: OrderStatusChange): string {
  return JSON.stringify({
    id: change.eventId,
    type: 'order.status_changed',
    occurred_at: change.occurredAt.toISOString(),
    data: {
      order_id: change.orderId,
      order_number: change.orderNumber,
      from_status: change.fromStatus,
      to_status: change.toStatus,
      carrier: change.carrier,
      tracking_number: change.trackingNumber,
    },
  });
}

/** The body of a `webhook.test` delivery: the same envelope, no order. */
export function testEventBody(eventId: string, occurredAt: Date): string {
  return JSON.stringify({
    id: eventId,
    type: 'webhook.test',
    occurred_at: occurredAt.toISOString(),
    data: { message: 'A test event from the print customer portal. Answer 2xx to confirm you received it.' },
  });
}
