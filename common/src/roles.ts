/** Hasura roles of the portal (DESIGN.md, "Roles and claims"). */
export const CUSTOMER_ROLES = ['customer_user', 'customer_approver', 'customer_admin'] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

/** Roles a person signs in with; stored in `customer_users.role` (enum table `user_roles`). */
export const USER_ROLES = [...CUSTOMER_ROLES, 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Every role that appears in metadata permissions, including machine and anonymous clients. */
export const HASURA_ROLES = [...USER_ROLES, 'integrator', 'anonymous'] as const;
export type HasuraRole = (typeof HASURA_ROLES)[number];

/**
 * A customer role may act as any role below it: an approver is also a user, an admin is also an
 * approver. The token's allowed roles are derived from this so a client can downgrade with
 * `x-hasura-role` but never upgrade.
 */
export function allowedRolesFor(role: UserRole): UserRole[] {
  if (role === 'staff') return ['staff'];
  return CUSTOMER_ROLES.slice(0, CUSTOMER_ROLES.indexOf(role) + 1);
}
