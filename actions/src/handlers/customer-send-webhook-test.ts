import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { asCompanyAdmin } from '../integrations/company-admin.ts';
import { queueTestEvent, TEST_EVENT_POLICY } from '../integrations/webhook-test-event.ts';
import { attemptLeaseEnd, sendClaimed } from '../integrations/webhook-sender.ts';

const input = z.object({ endpointId: z.uuid() });

/**
 * customerSendWebhookTest: one `webhook.test` attempt now. The delivery row and its audit row
 * commit first; the request is made outside the transaction; what the endpoint answered is both
 * recorded in the log and returned.
 */
export const customerSendWebhookTest = defineAction('customerSendWebhookTest', input, async (ctx, args) => {
  const leaseUntil = attemptLeaseEnd(ctx.now, ctx.deps.config.webhooks.timeoutMs);
  const delivery = await asCompanyAdmin(ctx, (tx, admin) => queueTestEvent(tx, admin, args.endpointId, ctx.client, ctx.now, leaseUntil));
  const sent = await sendClaimed(ctx.deps, delivery, ctx.now, TEST_EVENT_POLICY);
  return { deliveryId: sent.id, status: sent.status, responseCode: sent.responseCode, error: sent.error };
});
