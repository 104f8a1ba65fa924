import type { UserRow } from '../auth/users.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import { logActivity } from './activity-log.ts';

/** Audit row about an account, acted on by its owner (or by someone presenting its credentials). */
export function logUserActivity(
  ctx: ActionContext,
  tx: Queryable,
  user: Pick<UserRow, 'id' | 'tenant_id' | 'customer_id' | 'role'>,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return logActivity(
    tx,
    { tenantId: user.tenant_id, customerId: user.customer_id, userId: user.id, actorRole: user.role, action, entityType: 'customer_users', entityId: user.id, details },
    ctx.client,
    ctx.now,
  );
}
