import { z } from 'zod';
import { logActivity } from '../audit/activity-log.ts';
import { adminActor, requireCompanyAdmin } from '../company/company-admin.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';

const input = z.object({ domainId: z.uuid() });

/** customerAdminRemoveEmailDomain: new registrations at the domain wait for approval again; people already in stay. */
export const customerAdminRemoveEmailDomain = defineAction('customerAdminRemoveEmailDomain', input, async (ctx, args) => {
  return inTransaction(ctx.deps.pool, async (tx) => {
    const admin = await requireCompanyAdmin(ctx, tx);
    const removed = await tx.query<{ domain: string }>('delete from public.customer_email_domains where id = $1 and customer_id = $2 returning domain', [
      args.domainId,
      admin.customer_id,
    ]);
    const domain = removed.rows[0]?.domain;
    if (!domain) throw new ActionError('EMAIL_DOMAIN_NOT_FOUND');
    await logActivity(tx, { ...adminActor(admin), action: 'company.email_domain_removed', entityType: 'customer_email_domains', entityId: args.domainId, details: { domain } }, ctx.client, ctx.now);
    return { ok: true };
  });
});
