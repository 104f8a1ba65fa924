import { logUserActivity } from '../audit/user-activity.ts';
import type { UserRow } from '../auth/users.ts';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import { queueNotification, type Recipient } from '../notifications/outbox.ts';
import { domainOf } from './email-domains.ts';
import { fullName } from './company-admin.ts';

/**
 * What happens to a self-registration once its address is confirmed: approved at once when the
 * address is at one of the company's verified domains, else left pending and the company's
 * administrators are told. Returns whether it still waits for approval.
 */
export async function settleRegistration(ctx: ActionContext, tx: Queryable, user: UserRow): Promise<boolean> {
  if (user.approval_status !== 'PENDING' || user.customer_id === null) return false;
  const domain = await maybeOne(tx, 'select 1 from public.customer_email_domains where customer_id = $1 and domain = $2', [user.customer_id, domainOf(user.email)]);
  if (domain) {
    await tx.query("update public.customer_users set approval_status = 'APPROVED', approved_at = $2 where id = $1", [user.id, ctx.now]);
    await logUserActivity(ctx, tx, user, 'company.user_approved', { by: 'verified_domain', domain: domainOf(user.email) });
    return false;
  }
  const company = await maybeOne<{ name: string }>(tx, 'select name from public.customers where id = $1', [user.customer_id]);
  const facts = { registrant_name: fullName(user), registrant_email: user.email, registrant_id: user.id, customer_name: company?.name ?? '' };
  for (const admin of await companyAdmins(tx, user.customer_id)) await queueNotification(tx, admin, 'REGISTRATION_PENDING', facts, ctx.now);
  await logUserActivity(ctx, tx, user, 'company.user_pending');
  return true;
}

/** The company's administrators who can act on a registration: active, approved, confirmed. */
export async function companyAdmins(tx: Queryable, customerId: string): Promise<Recipient[]> {
  const result = await tx.query<Recipient>(
    `select id, tenant_id, customer_id, email, first_name, preferred_language from public.customer_users
      where customer_id = $1 and role = 'customer_admin' and active and approval_status = 'APPROVED' and email_verified_at is not null`,
    [customerId],
  );
  return result.rows;
}
