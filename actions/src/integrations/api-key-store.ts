import { generateApiKey, hashApiKey } from '../auth/api-keys.ts';
import { logActivity } from '../audit/activity-log.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ClientInfo } from '../http/client-info.ts';
import { adminActivity, type CompanyAdmin } from './company-admin.ts';

export interface CreatedApiKey {
  clientId: string;
  name: string;
  keyPrefix: string;
  /** The whole key: returned once, never stored or logged. */
  apiKey: string;
  createdAt: Date;
}

/** Issues a key bound to the admin's company; the table keeps its prefix and hash only. */
export async function createApiKey(tx: Queryable, admin: CompanyAdmin, name: string, client: ClientInfo, now: Date): Promise<CreatedApiKey> {
  const { apiKey, prefix } = generateApiKey();
  const row = await maybeOne<{ id: string }>(
    tx,
    `insert into public.integrator_clients (tenant_id, customer_id, name, key_prefix, key_hash, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7) returning id`,
    [admin.tenantId, admin.customerId, name, prefix, hashApiKey(apiKey), admin.userId, now],
  );
  const clientId = row!.id;
  await logActivity(
    tx,
    { ...adminActivity(admin), action: 'integrations.api_key_created', entityType: 'integrator_clients', entityId: clientId, details: { name, key_prefix: prefix } },
    client,
    now,
  );
  return { clientId, name, keyPrefix: prefix, apiKey, createdAt: now };
}

/**
 * Revokes one of the company's keys. Revoking a revoked key answers the same and logs nothing new,
 * so a repeated click is harmless; another company's key is API_KEY_NOT_FOUND.
 */
export async function revokeApiKey(tx: Queryable, admin: CompanyAdmin, clientId: string, client: ClientInfo, now: Date): Promise<{ clientId: string; active: false }> {
  const key = await maybeOne<{ id: string; active: boolean; key_prefix: string }>(
    tx,
    'select id, active, key_prefix from public.integrator_clients where id = $1 and customer_id = $2 for update',
    [clientId, admin.customerId],
  );
  if (!key) throw new ActionError('API_KEY_NOT_FOUND', { detail: `key ${clientId} is not of customer ${admin.customerId}` });
  if (key.active) {
    await tx.query('update public.integrator_clients set active = false, revoked_at = $2, revoked_by = $3 where id = $1', [key.id, now, admin.userId]);
    await logActivity(
      tx,
      { ...adminActivity(admin), action: 'integrations.api_key_revoked', entityType: 'integrator_clients', entityId: key.id, details: { key_prefix: key.key_prefix } },
      client,
      now,
    );
  }
  return { clientId: key.id, active: false };
}
