/** The only user fields the browser receives (the root layout's data); never a token or an id used for authorisation. */
export interface PublicUser {
  firstName: string;
  lastName: string;
  email: string;
  role: string;
  customerName: string | null;
  tenantName: string;
  preferredLanguage: string;
  timezone: string;
  mfaEnabled: boolean;
}

/** The printer's own people; every other role that signs in to the web belongs to a customer company. */
export function isStaffRole(role: string): boolean {
  return role === 'staff';
}

/** Where a person of this role starts: the staff area, or the customer's dashboard. */
export function homePath(role: string): string {
  return isStaffRole(role) ? '/staff' : '/';
}

/** Roles that decide quotes and proofs (the engine and the action server refuse the others anyway). */
export function mayDecide(role: string): boolean {
  return role === 'customer_approver' || role === 'customer_admin';
}
