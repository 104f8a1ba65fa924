import { z } from 'zod';
import { CUSTOMER_ROLES } from '@portal/common';
import { logActivity } from '../audit/activity-log.ts';
import { revokeAllSessions } from '../auth/refresh-tokens.ts';
import { adminActor, findColleague, fullName, refuseSelf, requireCompanyAdmin } from '../company/company-admin.ts';
import { companyUserOutput } from '../company/company-user-output.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import { defineAction } from '../http/define-action.ts';

/** Hasura sends an omitted optional argument as absent or null. */
const input = z.object({
  userId: z.uuid(),
  role: z.enum(CUSTOMER_ROLES).nullish().transform((value) => value ?? undefined),
  active: z.boolean().nullish().transform((value) => value ?? undefined),
});

/**
 * customerAdminUpdateUser: a company administrator changes a colleague's role (only to a customer
 * role) or deactivates and reactivates them; never their own, and never anyone's names, phone,
 * language or notification settings, which are the person's own. Deactivating ends their sessions.
 */
export const customerAdminUpdateUser = defineAction('customerAdminUpdateUser', input, async (ctx, args) => {
  if (args.role === undefined && args.active === undefined) throw new ActionError('VALIDATION_FAILED', { message: 'Say what to change: role or active.', extensions: { fields: ['role', 'active'] } });
  return inTransaction(ctx.deps.pool, async (tx) => {
    const admin = await requireCompanyAdmin(ctx, tx);
    const user = await findColleague(tx, admin, args.userId);
    refuseSelf(admin, user);
    if (user.approval_status === 'PENDING' || user.approval_status === 'REFUSED') throw new ActionError('USER_NOT_FOUND', { detail: 'registration not approved' });
    const role = args.role ?? user.role;
    const active = args.active ?? user.active;
    await tx.query('update public.customer_users set role = $2, active = $3 where id = $1', [user.id, role, active]);
    const endedSessions = user.active && !active ? await revokeAllSessions(tx, user.id, 'DEACTIVATED', ctx.now) : 0;
    const details = { name: fullName(user), from: { role: user.role, active: user.active }, to: { role, active }, ended_sessions: endedSessions };
    await logActivity(tx, { ...adminActor(admin), action: 'company.user_changed', entityType: 'customer_users', entityId: user.id, details }, ctx.client, ctx.now);
    return companyUserOutput(tx, user.id);
  });
});
