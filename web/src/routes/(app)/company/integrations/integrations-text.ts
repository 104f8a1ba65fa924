import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@portal/common';

/**
 * Every word of the integrations page in one place, so translating it later is one file. Sentences
 * that take values are functions.
 */
export const TEXT = {
  title: 'Integrations',
  intro: "Connect your company's own systems (an ERP, a shipping system) to the portal: API keys let them read your orders; webhooks tell them when an order's status changes.",
  onlyAdmins: "Only your company's portal administrators can manage integrations. Ask one of them for an API key or a webhook.",
  backToCompany: 'Back to the company page',
  keys: {
    heading: 'API keys',
    explain: 'A system exchanges its key for a short-lived token with the integratorToken mutation, then reads your orders and their status history.',
    none: 'No API keys yet.',
    nameLabel: 'Name of the system',
    nameHint: 'So you know later which system uses it, e.g. "Warehouse ERP".',
    create: 'Create API key',
    creating: 'Creating…',
    createdHeading: (name: string) => `Your new API key for ${name}`,
    createdWarning: 'Copy it now and store it in the system that will use it. It will not be shown again: the portal keeps only a fingerprint of it.',
    prefix: 'Starts with',
    created: 'Created',
    lastUsed: 'Last used',
    neverUsed: 'never',
    active: 'Active',
    revoked: 'Revoked',
    revoke: 'Revoke…',
    revokeConfirm: (name: string) => `Revoke "${name}"? Systems using it stop getting tokens at once, and their current tokens lose access to your orders.`,
    revokeButton: 'Yes, revoke this key',
    revoking: 'Revoking…',
    revokedDone: 'The key is revoked. It can no longer be used.',
    nameMissing: 'Give the key a name of up to 100 characters.',
  },
  webhooks: {
    heading: 'Webhooks',
    explain: 'The portal POSTs a signed JSON event to your address when one of your orders changes status. Failed deliveries are retried with growing pauses.',
    none: 'No webhook endpoints yet.',
    urlLabel: 'Address (https://)',
    urlHint: 'Where your system receives the events, e.g. https://erp.example.com/portal-webhooks.',
    descriptionLabel: 'Description',
    optional: '(optional)',
    add: 'Add webhook',
    adding: 'Adding…',
    secretHeading: 'The signing secret of this webhook',
    secretWarning: 'Copy it now into your receiving system: it verifies each event\'s X-Portal-Webhook-Signature with it. It will not be shown again; if it is lost, rotate it.',
    on: 'On',
    off: 'Off',
    edit: 'Edit…',
    save: 'Save changes',
    saving: 'Saving…',
    saved: 'The webhook is saved.',
    deactivate: 'Turn off',
    activate: 'Turn on',
    switching: 'Saving…',
    turnedOff: 'The webhook is off: it gets no new events, and events not yet sent are dropped.',
    turnedOn: 'The webhook is on again and gets the next status changes.',
    rotate: 'Rotate secret…',
    rotateConfirm: 'Make a new signing secret? The old one stops working at once, so update your receiving system right after.',
    rotateButton: 'Yes, make a new secret',
    rotating: 'Rotating…',
    sendTest: 'Send test event',
    sending: 'Sending…',
    recent: 'Recent deliveries',
    noDeliveries: 'Nothing sent yet.',
    when: 'When',
    event: 'Event',
    status: 'Status',
    attempts: 'Attempts',
    answer: 'Answer',
    noAnswer: 'no answer',
    testEvent: 'Test event',
    urlMissing: 'Enter the address of your receiving system.',
    descriptionTooLong: 'Keep the description to 500 characters.',
  },
  copy: 'Copy',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Your browser did not allow copying; select the text and copy it yourself.',
  chooseItem: 'Choose an item on this page and try again.',
} as const;

export const DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'Waiting to be sent',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
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

/** An HTTP answer in words, e.g. "503 Service Unavailable". */
export function describeResponseCode(code: number | null | undefined): string {
  if (code === null || code === undefined) return TEXT.webhooks.noAnswer;
  return REASONS[code] ? `${code} ${REASONS[code]}` : String(code);
}

/** What a test event came to, as one sentence for the admin. */
export function describeTestResult(result: { status: string; responseCode: number | null; error: string | null }): string {
  if (result.status === 'DELIVERED') return `The test event was delivered: your endpoint answered ${describeResponseCode(result.responseCode)}.`;
  const answered = result.responseCode === null ? 'no answer came' : `your endpoint answered ${describeResponseCode(result.responseCode)}`;
  return `The test event was not accepted: ${answered}.${result.error ? ` ${result.error}` : ''}`;
}

/** A delivery's event, e.g. "SO-2026-000123 → SHIPPED", or "Test event". */
export function describeDeliveryEvent(delivery: { event_type: string; order_status_event?: { to_status: string; order: { order_number: string } } | null }): string {
  if (delivery.event_type === 'webhook.test') return TEXT.webhooks.testEvent;
  const event = delivery.order_status_event;
  return event ? `${event.order.order_number} → ${event.to_status}` : delivery.event_type;
}
