import { randomUUID } from 'node:crypto';
import { logActivity } from '../audit/activity-log.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ClientInfo } from '../http/client-info.ts';
import { adminActivity, type CompanyAdmin } from './company-admin.ts';
import type { ClaimedDelivery } from './webhook-delivery-store.ts';
import { ownActiveEndpoint } from './webhook-endpoints.ts';
import { testEventBody } from './webhook-events.ts';

/** A test event is tried once, now: the admin is waiting for the answer. */
export const TEST_EVENT_POLICY = { maxAttempts: 1, retryBaseSeconds: 1, retryMaxSeconds: 1 };

/**
 * Queues a `webhook.test` delivery to one of the admin's active endpoints, already claimed for its
 * one attempt (the cron sender leaves it alone while the lease lasts), with its audit row.
 */
export async function queueTestEvent(tx: Queryable, admin: CompanyAdmin, endpointId: string, client: ClientInfo, now: Date, leaseUntil: Date): Promise<ClaimedDelivery> {
  await ownActiveEndpoint(tx, admin, endpointId);
  const eventId = randomUUID();
  const result = await tx.query<ClaimedDelivery>(
    `with queued as (
       insert into public.webhook_deliveries
         (tenant_id, customer_id, endpoint_id, event_id, event_type, body, attempt_count, last_attempt_at, next_attempt_at, created_at, updated_at)
       values ($1, $2, $3, $4, 'webhook.test', $5, 1, $6, $7, $6, $6)
       returning id, endpoint_id, event_id, body, attempt_count)
     select q.*, w.url, w.secret_sealed from queued q join public.webhook_endpoints w on w.id = q.endpoint_id`,
    [admin.tenantId, admin.customerId, endpointId, eventId, testEventBody(eventId, now), now, leaseUntil],
  );
  const delivery = result.rows[0]!;
  await logActivity(tx, { ...adminActivity(admin), action: 'integrations.webhook_test_sent', entityType: 'webhook_endpoints', entityId: endpointId, details: { delivery_id: delivery.id } }, client, now);
  return delivery;
}
