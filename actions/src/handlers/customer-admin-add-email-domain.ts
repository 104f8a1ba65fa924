import { z } from 'zod';
import { logActivity } from '../audit/activity-log.ts';
import { adminActor, requireCompanyAdmin } from '../company/company-admin.ts';
import { domainOf, emailDomain, isPublicMailDomain } from '../company/email-domains.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';

const input = z.object({ domain: emailDomain });

/**
 * customerAdminAddEmailDomain: registrations confirmed at this domain are approved without waiting.
 * The administrator proves control of it by their own confirmed address there; public mail
 * services are never accepted, and a domain belongs to one company of the printer.
 */
export const customerAdminAddEmailDomain = defineAction('customerAdminAddEmailDomain', input, async (ctx, args) => {
  return inTransaction(ctx.deps.pool, async (tx) => {
    const admin = await requireCompanyAdmin(ctx, tx);
    if (args.domain !== domainOf(admin.email) || isPublicMailDomain(args.domain)) throw new ActionError('EMAIL_DOMAIN_NOT_ALLOWED', { detail: args.domain });
    const inserted = await tx.query<{ id: string }>(
      `insert into public.customer_email_domains (tenant_id, customer_id, domain, added_by, created_at) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, domain) do nothing returning id`,
      [admin.tenant_id, admin.customer_id, args.domain, admin.id, ctx.now],
    );
    const id = inserted.rows[0]?.id;
    if (!id) throw new ActionError('EMAIL_DOMAIN_TAKEN', { detail: args.domain });
    await logActivity(tx, { ...adminActor(admin), action: 'company.email_domain_added', entityType: 'customer_email_domains', entityId: id, details: { domain: args.domain } }, ctx.client, ctx.now);
    return { id, domain: args.domain };
  });
});
