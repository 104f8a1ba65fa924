import { z } from 'zod';
import type { EventHandler } from '../http/define-event-handler.ts';
import { queueOrderStatusDeliveries } from '../integrations/webhook-fanout.ts';

const insertedEvent = z.object({ id: z.uuid() });

/**
 * webhook_fanout (order_status_events, insert): queues a delivery of the status change for every
 * active webhook endpoint of the order's company; the cron job send_webhooks sends them. A
 * redelivered event queues nothing new; a database failure throws, so Hasura retries.
 */
export const webhookFanout: EventHandler = {
  trigger: 'webhook_fanout',
  path: 'webhook-fanout',
  async handle(deps, event) {
    const row = insertedEvent.safeParse(event.new);
    if (event.op !== 'INSERT' || !row.success) return { skipped: true };
    const queued = await queueOrderStatusDeliveries(deps.pool, row.data.id, deps.clock.now());
    return { statusEventId: row.data.id, queued };
  },
};
