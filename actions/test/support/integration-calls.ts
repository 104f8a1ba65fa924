import { randomUUID } from 'node:crypto';
import { DEV_ACTION_SECRET } from '../../src/config/dev-defaults.ts';
import { ACTION_SECRET_HEADER } from '../../src/http/install-caller-check.ts';
import type { TestServer } from './test-server.ts';

/** What the calls need of a server: its address and its clock. */
type Server = Pick<TestServer, 'url' | 'clock'>;

async function post(t: Server, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ACTION_SECRET_HEADER]: DEV_ACTION_SECRET },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Hasura's call of the webhook_fanout trigger for an inserted order status event. `hasuraEventId`
 * stays the same on a redelivery, as Hasura's does.
 */
export function deliverFanoutEvent(t: Server, row: Record<string, unknown>, hasuraEventId = randomUUID()) {
  return post(t, '/events/webhook-fanout', {
    id: hasuraEventId,
    event: { op: 'INSERT', data: { old: null, new: row } },
    delivery_info: { max_retries: 10, current_retry: 0 },
    trigger: { name: 'webhook_fanout' },
  });
}

/** Hasura's call of the send_webhooks cron trigger; the job runs at the test server's clock. */
export function runSendWebhooks(t: Server) {
  return post(t, '/cron/send-webhooks', { name: 'send_webhooks', scheduled_time: t.clock.now().toISOString(), id: randomUUID(), payload: {} });
}
