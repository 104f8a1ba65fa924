import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { findUserById, type UserRow } from '../auth/users.ts';
import type { ActionContext } from '../http/action-context.ts';

/** The signed-in customer_admin (an active, approved account of an active company), or ROLE_NOT_ALLOWED / SESSION_INVALID. */
export async function requireCompanyAdmin(ctx: ActionContext, tx: Queryable): Promise<UserRow & { customer_id: string }> {
  requireRole(ctx.session, ['customer_admin']);
  const admin = await requireSessionUser(tx, ctx.session);
  if (admin.role !== 'customer_admin' || admin.customer_id === null) throw new ActionError('ROLE_NOT_ALLOWED', { detail: 'not a company administrator' });
  return admin as UserRow & { customer_id: string };
}

/**
 * A person of the admin's own company, locked for the change; USER_NOT_FOUND for anyone else
 * (another company's people are indistinguishable from ids that do not exist).
 */
export async function findColleague(tx: Queryable, admin: Pick<UserRow, 'customer_id'>, userId: string): Promise<UserRow> {
  const user = await findUserById(tx, userId, true);
  if (!user || user.customer_id !== admin.customer_id) throw new ActionError('USER_NOT_FOUND', { detail: `user ${userId} is not in the admin's company` });
  return user;
}

/** Role, activation and approval are never the admin's own to change (so a company keeps an administrator). */
export function refuseSelf(admin: Pick<UserRow, 'id'>, user: Pick<UserRow, 'id'>): void {
  if (admin.id === user.id) throw new ActionError('CANNOT_CHANGE_OWN_ACCESS');
}

/** The admin as the actor of an activity-log row about someone else. */
export function adminActor(admin: UserRow) {
  return { tenantId: admin.tenant_id, customerId: admin.customer_id, userId: admin.id, actorRole: admin.role };
}

export function fullName(user: Pick<UserRow, 'first_name' | 'last_name'>): string {
  return `${user.first_name} ${user.last_name}`.trim();
}
