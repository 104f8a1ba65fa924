import { z } from 'zod';
import { logActivity } from '../audit/activity-log.ts';
import { adminActor, findColleague, fullName, requireCompanyAdmin } from '../company/company-admin.ts';
import { companyUserOutput } from '../company/company-user-output.ts';
import { maybeOne } from '../db/rows.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';
import { queueNotification } from '../notifications/outbox.ts';

const input = z.object({ userId: z.uuid(), approve: z.boolean() });

/**
 * customerAdminApproveUser: a company administrator lets a confirmed, pending registration in
 * (emailing its owner) or refuses it (the account is deactivated and never listed to the company).
 */
export const customerAdminApproveUser = defineAction('customerAdminApproveUser', input, async (ctx, args) => {
  return inTransaction(ctx.deps.pool, async (tx) => {
    const admin = await requireCompanyAdmin(ctx, tx);
    const user = await findColleague(tx, admin, args.userId);
    if (user.approval_status !== 'PENDING' || !user.email_verified_at) throw new ActionError('USER_NOT_PENDING', { detail: `approval_status ${user.approval_status}` });
    if (args.approve) {
      await tx.query("update public.customer_users set approval_status = 'APPROVED', approved_at = $2, approved_by = $3 where id = $1", [user.id, ctx.now, admin.id]);
      const company = await maybeOne<{ name: string }>(tx, 'select name from public.customers where id = $1', [admin.customer_id]);
      await queueNotification(tx, user, 'ACCOUNT_APPROVED', { customer_name: company?.name ?? '' }, ctx.now);
    } else {
      await tx.query("update public.customer_users set approval_status = 'REFUSED', active = false where id = $1", [user.id]);
    }
    const action = args.approve ? 'company.user_approved' : 'company.user_refused';
    await logActivity(tx, { ...adminActor(admin), action, entityType: 'customer_users', entityId: user.id, details: { name: fullName(user), email: user.email } }, ctx.client, ctx.now);
    return companyUserOutput(tx, user.id);
  });
});
