import { requireCompanyAdmin } from '../company/company-admin.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';

/** The company admin behind a session: whose company the integrations belong to. */
export interface CompanyAdmin {
  userId: string;
  tenantId: string;
  customerId: string;
}

/**
 * Runs integration work in one transaction as the company's admin behind the session. The company
 * is the session's (checked against the account), never an argument, so no admin reaches another
 * company's keys or endpoints.
 */
export function asCompanyAdmin<T>(ctx: ActionContext, work: (tx: Queryable, admin: CompanyAdmin) => Promise<T>): Promise<T> {
  return inTransaction(ctx.deps.pool, async (tx) => {
    const admin = await requireCompanyAdmin(ctx, tx);
    return work(tx, { userId: admin.id, tenantId: admin.tenant_id, customerId: admin.customer_id });
  });
}

/** The audit row's who: the admin, acting as customer_admin, in their company. */
export function adminActivity(admin: CompanyAdmin): { tenantId: string; customerId: string; userId: string; actorRole: 'customer_admin' } {
  return { tenantId: admin.tenantId, customerId: admin.customerId, userId: admin.userId, actorRole: 'customer_admin' };
}
