import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@portal/common';
import { m } from '../../../../lib/paraglide/messages.js';

/** The words of the integrations page are messages (messages/company, `company_integrations_*`, `company_keys_*`, `company_webhooks_*`); these helpers put values into them. */

export const DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, () => string> = {
  PENDING: m.company_webhooks_status_pending,
  DELIVERED: m.company_webhooks_status_delivered,
  FAILED: m.company_webhooks_status_failed,
};

export const DELIVERY_STATUS_TONES: Record<WebhookDeliveryStatus, 'warning' | 'success' | 'danger'> = {
  PENDING: 'warning',
  DELIVERED: 'success',
  FAILED: 'danger',
};

export function isDeliveryStatus(value: string): value is WebhookDeliveryStatus {
  return (WEBHOOK_DELIVERY_STATUSES as readonly string[]).includes(value);
}

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 410: 'Gone',
  422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** An HTTP answer in words, e.g. "503 Service Unavailable" (the reason phrases are HTTP's own, not translated). */
export function describeResponseCode(code: number | null | undefined): string {
  if (code === null || code === undefined) return m.company_webhooks_no_answer();
  return REASONS[code] ? `${code} ${REASONS[code]}` : String(code);
}

/** What a test event came to, as one sentence for the admin. */
export function describeTestResult(result: { status: string; responseCode: number | null; error: string | null }): string {
  if (result.status === 'DELIVERED') return m.company_webhooks_test_delivered({ answer: describeResponseCode(result.responseCode) });
  const refused = result.responseCode === null ? m.company_webhooks_test_no_answer() : m.company_webhooks_test_refused({ answer: describeResponseCode(result.responseCode) });
  return result.error ? `${refused} ${result.error}` : refused;
}

/** A delivery's event, e.g. "SO-2026-000123 → SHIPPED", or "Test event". */
export function describeDeliveryEvent(delivery: { event_type: string; order_status_event?: { to_status: string; order: { order_number: string } } | null }): string {
  if (delivery.event_type === 'webhook.test') return m.company_webhooks_test_event();
  const event = delivery.order_status_event;
  return event ? `${event.order.order_number} → ${event.to_status}` : delivery.event_type;
}
