import { z } from 'zod';
import { CUSTOMER_ROLES } from '@portal/common';
import { logActivity } from '../audit/activity-log.ts';
import { issueOneTimeToken } from '../auth/one-time-tokens.ts';
import { findUserByEmail } from '../auth/users.ts';
import { adminActor, fullName, requireCompanyAdmin } from '../company/company-admin.ts';
import { companyUserOutput } from '../company/company-user-output.ts';
import { randomToken } from '../crypto/tokens.ts';
import { maybeOne } from '../db/rows.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { defineAction } from '../http/define-action.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { email } from '../validation/input-fields.ts';

const input = z.object({ email, role: z.enum(CUSTOMER_ROLES) });

/**
 * customerAdminInviteUser: a company administrator invites an address with a role. The account
 * exists at once (INVITED, listed to the admins only, with a password nobody knows); the emailed
 * link, single use for 7 days, lets its owner choose a name and password. Inviting an address that
 * is already invited again sends a new link (the old one stops working) with the new role.
 */
export const customerAdminInviteUser = defineAction('customerAdminInviteUser', input, async (ctx, args) => {
  const placeholderHash = await ctx.services.passwords.hash(randomToken());
  return inTransaction(ctx.deps.pool, async (tx) => {
    const admin = await requireCompanyAdmin(ctx, tx);
    const existing = await findUserByEmail(tx, admin.tenant_id, args.email, true);
    if (existing && !(existing.approval_status === 'INVITED' && existing.customer_id === admin.customer_id)) {
      throw new ActionError('INVITATION_NOT_POSSIBLE', { detail: 'address has an account' });
    }
    const userId = existing ? await reinvite(tx, existing.id, args.role) : await insertInvited(ctx, tx, admin, args.email, args.role, placeholderHash);
    const invited = { id: userId, tenant_id: admin.tenant_id, customer_id: admin.customer_id, email: args.email, first_name: '', preferred_language: admin.preferred_language };
    const { token, expiresAt } = await issueOneTimeToken(tx, invited, 'INVITATION', ctx.now);
    const company = await maybeOne<{ name: string }>(tx, 'select name from public.customers where id = $1', [admin.customer_id]);
    const payload = { invited_by_name: fullName(admin), customer_name: company?.name ?? '', role: args.role, expires_at: expiresAt };
    await queueEmail(tx, ctx.services.box, invited, { template: 'INVITATION', token, payload }, ctx.now);
    const details = { email: args.email, role: args.role, again: existing !== undefined };
    await logActivity(tx, { ...adminActor(admin), action: 'company.user_invited', entityType: 'customer_users', entityId: userId, details }, ctx.client, ctx.now);
    return companyUserOutput(tx, userId);
  });
});

async function insertInvited(ctx: ActionContext, tx: Queryable, admin: { id: string; tenant_id: string; customer_id: string; preferred_language: string }, address: string, role: string, hash: string): Promise<string> {
  const result = await tx.query<{ id: string }>(
    `insert into public.customer_users (tenant_id, customer_id, role, email, password_hash, preferred_language, approval_status,
                                        invited_by, password_changed_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, 'INVITED', $7, $8, $8, $8) returning id`,
    [admin.tenant_id, admin.customer_id, role, address, hash, admin.preferred_language, admin.id, ctx.now],
  );
  return result.rows[0]!.id;
}

async function reinvite(tx: Queryable, userId: string, role: string): Promise<string> {
  await tx.query('update public.customer_users set role = $2 where id = $1', [userId, role]);
  return userId;
}
