import { z } from 'zod';
import { allowedRolesFor, SESSION_VARIABLES, USER_ROLES, type UserRole } from '@portal/common';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { SessionVariables } from '../http/hasura-payload.ts';
import { findUserById, isUsable, type UserRow } from './users.ts';

const userSessionSchema = z.object({
  [SESSION_VARIABLES.role]: z.enum(USER_ROLES),
  [SESSION_VARIABLES.userId]: z.uuid(),
  [SESSION_VARIABLES.tenantId]: z.uuid(),
  [SESSION_VARIABLES.customerId]: z.uuid().optional(),
});

export interface UserSession {
  role: UserRole;
  userId: string;
  tenantId: string;
  customerId: string | null;
}

/** The signed-in person's session variables, or SESSION_INVALID (anonymous, admin, integrator, malformed). */
export function readUserSession(session: SessionVariables): UserSession {
  const parsed = userSessionSchema.safeParse(session);
  if (!parsed.success) throw new ActionError('SESSION_INVALID', { detail: 'session variables are not a signed-in user' });
  const s = parsed.data;
  return {
    role: s[SESSION_VARIABLES.role],
    userId: s[SESSION_VARIABLES.userId],
    tenantId: s[SESSION_VARIABLES.tenantId],
    customerId: s[SESSION_VARIABLES.customerId] ?? null,
  };
}

/**
 * The signed-in person's session when its role is one of `roles`, else ROLE_NOT_ALLOWED. The
 * engine's action permissions already keep other roles away; this holds even if metadata drifts.
 */
export function requireRole(session: SessionVariables, roles: readonly UserRole[]): UserSession {
  const user = readUserSession(session);
  if (!roles.includes(user.role)) throw new ActionError('ROLE_NOT_ALLOWED', { detail: `${user.role} may not do this` });
  return user;
}

/** The signed-in person's session, or null when the caller is not a signed-in person. */
export function optionalUserSession(session: SessionVariables): UserSession | null {
  return userSessionSchema.safeParse(session).success ? readUserSession(session) : null;
}

/**
 * Loads the account behind the session and checks that the session still describes it: same
 * tenant, same company, a role the account may act as, account and company active. A token minted
 * for one customer can therefore never act on another's account.
 */
export async function requireSessionUser(db: Queryable, session: SessionVariables, lock = false): Promise<UserRow> {
  const claims = readUserSession(session);
  const user = await findUserById(db, claims.userId, lock);
  const consistent =
    user !== undefined &&
    isUsable(user) &&
    user.tenant_id === claims.tenantId &&
    user.customer_id === claims.customerId &&
    allowedRolesFor(user.role).includes(claims.role);
  if (!consistent) throw new ActionError('SESSION_INVALID', { detail: `session of ${claims.userId} does not match the account` });
  return user;
}
