import { randomUUID } from 'node:crypto';
import { logActivity } from '../audit/activity-log.ts';
import type { SecretBox } from '../crypto/encryption.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ClientInfo } from '../http/client-info.ts';
import { adminActivity, type CompanyAdmin } from './company-admin.ts';
import { generateWebhookSecret, webhookSecretContext } from './webhook-signature.ts';
import { checkWebhookUrl, type WebhookUrlPolicy } from './webhook-url.ts';

/** What the endpoint actions share: the sealing box, the URL policy, the caller's client, one now. */
export interface EndpointContext {
  box: SecretBox;
  policy: WebhookUrlPolicy;
  client: ClientInfo;
  now: Date;
}

export interface EndpointState {
  endpointId: string;
  url: string;
  description: string | null;
  active: boolean;
}

export interface EndpointChanges {
  url?: string | undefined;
  description?: string | null | undefined;
  active?: boolean | undefined;
}

function allowedUrl(raw: string, policy: WebhookUrlPolicy): string {
  const checked = checkWebhookUrl(raw, policy);
  if (!checked.ok) throw new ActionError('WEBHOOK_URL_NOT_ALLOWED', { message: checked.reason, extensions: { fields: ['url'] } });
  return checked.url;
}

/** The admin's own company's endpoint, locked for a change; another company's is WEBHOOK_ENDPOINT_NOT_FOUND. */
async function lockOwnEndpoint(tx: Queryable, admin: CompanyAdmin, endpointId: string): Promise<EndpointState> {
  const row = await maybeOne<{ id: string; url: string; description: string | null; active: boolean }>(
    tx,
    'select id, url, description, active from public.webhook_endpoints where id = $1 and customer_id = $2 for update',
    [endpointId, admin.customerId],
  );
  if (!row) throw new ActionError('WEBHOOK_ENDPOINT_NOT_FOUND', { detail: `endpoint ${endpointId} is not of customer ${admin.customerId}` });
  return { endpointId: row.id, url: row.url, description: row.description, active: row.active };
}

/** Registers an endpoint with a new secret; the secret is answered once and kept only sealed. */
export async function createEndpoint(tx: Queryable, admin: CompanyAdmin, input: { url: string; description: string | null }, c: EndpointContext) {
  const url = allowedUrl(input.url, c.policy);
  const endpointId = randomUUID();
  const secret = generateWebhookSecret();
  await tx.query(
    `insert into public.webhook_endpoints (id, tenant_id, customer_id, url, description, secret_sealed, created_by, updated_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $8)`,
    [endpointId, admin.tenantId, admin.customerId, url, input.description, c.box.encrypt(secret, webhookSecretContext(endpointId)), admin.userId, c.now],
  );
  // The URL's host only: a path or query may carry the receiver's own token.
  const details = { host: new URL(url).host, description: input.description };
  await logActivity(tx, { ...adminActivity(admin), action: 'integrations.webhook_created', entityType: 'webhook_endpoints', entityId: endpointId, details }, c.client, c.now);
  return { endpointId, secret };
}

/** Changes the given fields only; turning an endpoint off fails its pending deliveries when the sender reaches them. */
export async function updateEndpoint(tx: Queryable, admin: CompanyAdmin, endpointId: string, changes: EndpointChanges, c: EndpointContext): Promise<EndpointState> {
  const current = await lockOwnEndpoint(tx, admin, endpointId);
  const next: EndpointState = {
    endpointId,
    url: changes.url === undefined ? current.url : allowedUrl(changes.url, c.policy),
    description: changes.description === undefined ? current.description : changes.description,
    active: changes.active ?? current.active,
  };
  await tx.query('update public.webhook_endpoints set url = $2, description = $3, active = $4, updated_by = $5 where id = $1', [
    endpointId,
    next.url,
    next.description,
    next.active,
    admin.userId,
  ]);
  const changed = (['url', 'description', 'active'] as const).filter((field) => next[field] !== current[field]);
  const details = { changed, active: next.active, host: new URL(next.url).host };
  await logActivity(tx, { ...adminActivity(admin), action: 'integrations.webhook_updated', entityType: 'webhook_endpoints', entityId: endpointId, details }, c.client, c.now);
  return next;
}

/** A new secret for the endpoint; the old one stops signing at once (attempts read the secret when they send). */
export async function rotateEndpointSecret(tx: Queryable, admin: CompanyAdmin, endpointId: string, c: EndpointContext) {
  await lockOwnEndpoint(tx, admin, endpointId);
  const secret = generateWebhookSecret();
  await tx.query('update public.webhook_endpoints set secret_sealed = $2, secret_rotated_at = $3, updated_by = $4 where id = $1', [
    endpointId,
    c.box.encrypt(secret, webhookSecretContext(endpointId)),
    c.now,
    admin.userId,
  ]);
  await logActivity(tx, { ...adminActivity(admin), action: 'integrations.webhook_secret_rotated', entityType: 'webhook_endpoints', entityId: endpointId }, c.client, c.now);
  return { endpointId, secret };
}

/** The endpoint a test event goes to: the admin's own and active. */
export async function ownActiveEndpoint(tx: Queryable, admin: CompanyAdmin, endpointId: string): Promise<EndpointState> {
  const endpoint = await lockOwnEndpoint(tx, admin, endpointId);
  if (!endpoint.active) throw new ActionError('WEBHOOK_ENDPOINT_INACTIVE', { detail: `endpoint ${endpointId} is off` });
  return endpoint;
}
