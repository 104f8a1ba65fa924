import { logActivity } from '../audit/activity-log.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';

/** Audit row about a quote, by the signed-in person acting in the session's role. */
export function logQuoteActivity(
  ctx: ActionContext,
  tx: Queryable,
  quote: { id: string; tenant_id: string; customer_id: string; quote_number: string },
  actor: { id: string; role: string },
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return logActivity(
    tx,
    {
      tenantId: quote.tenant_id, customerId: quote.customer_id, userId: actor.id, actorRole: actor.role,
      action, entityType: 'quotes', entityId: quote.id, details: { quote_number: quote.quote_number, ...details },
    },
    ctx.client,
    ctx.now,
  );
}
