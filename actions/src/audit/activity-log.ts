import type { Queryable } from '../db/transaction.ts';
import type { ClientInfo } from '../http/client-info.ts';

export interface ActivityEntry {
  tenantId: string;
  customerId?: string | null;
  userId?: string | null;
  actorRole?: string | null;
  /** `area.verb`, e.g. `auth.sign_in` (the table's check: lower case, dot-separated). */
  action: string;
  entityType?: string;
  entityId?: string;
  /** Facts for the audit trail; never secrets (no passwords, tokens, codes or keys). */
  details?: Record<string, unknown>;
}

/** Appends to customer_activity_log inside the caller's transaction, so the audit row commits with the change. */
export async function logActivity(tx: Queryable, entry: ActivityEntry, client: ClientInfo, at: Date): Promise<void> {
  await tx.query(
    `insert into public.customer_activity_log
       (tenant_id, customer_id, user_id, actor_role, action, entity_type, entity_id, ip_address, user_agent, details, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.tenantId,
      entry.customerId ?? null,
      entry.userId ?? null,
      entry.actorRole ?? null,
      entry.action,
      entry.entityType ?? null,
      entry.entityId ?? null,
      client.ip,
      client.userAgent,
      entry.details ?? {},
      at,
    ],
  );
}
