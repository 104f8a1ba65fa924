import type { UserApprovalStatus, UserRole } from '@portal/common';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';

/** A sign-in account as the auth flows need it (including secrets: never return this to a client). */
export interface UserRow {
  id: string;
  tenant_id: string;
  customer_id: string | null;
  role: UserRole;
  email: string;
  email_verified_at: Date | null;
  password_hash: string;
  first_name: string;
  last_name: string;
  preferred_language: string;
  approval_status: UserApprovalStatus;
  mfa_enabled: boolean;
  mfa_secret_encrypted: string | null;
  mfa_pending_secret_encrypted: string | null;
  password_changed_at: Date;
  active: boolean;
  /** The company's `active` flag; null for staff. */
  customer_active: boolean | null;
  /** The company requires a second factor of everyone; false for staff. */
  customer_require_mfa: boolean;
}

const SELECT_USER = `
  select u.id, u.tenant_id, u.customer_id, u.role, u.email, u.email_verified_at, u.password_hash,
         u.first_name, u.last_name, u.preferred_language, u.approval_status,
         u.mfa_enabled, u.mfa_secret_encrypted, u.mfa_pending_secret_encrypted, u.password_changed_at,
         u.active, c.active as customer_active, coalesce(c.require_mfa, false) as customer_require_mfa
    from public.customer_users u
    left join public.customers c on c.id = u.customer_id`;

/** By the unique (tenant, email) key; `lock` takes the row lock for an update in the same transaction. */
export function findUserByEmail(db: Queryable, tenantId: string, email: string, lock = false): Promise<UserRow | undefined> {
  return maybeOne<UserRow>(db, `${SELECT_USER} where u.tenant_id = $1 and u.email = $2${lock ? ' for update of u' : ''}`, [tenantId, email]);
}

export function findUserById(db: Queryable, userId: string, lock = false): Promise<UserRow | undefined> {
  return maybeOne<UserRow>(db, `${SELECT_USER} where u.id = $1${lock ? ' for update of u' : ''}`, [userId]);
}

/** The account and its company are active (a registration may still wait for approval). */
export function isActive(user: UserRow): boolean {
  return user.active && (user.customer_id === null || user.customer_active === true);
}

/** An account may sign in only while it and its company are active and a company administrator approved it. */
export function isUsable(user: UserRow): boolean {
  return isActive(user) && user.approval_status === 'APPROVED';
}

/** Words of the account a new password must not be built from. */
export function accountWords(user: Pick<UserRow, 'email' | 'first_name' | 'last_name'>): (string | undefined)[] {
  return [user.email, user.email.split('@')[0], user.first_name, user.last_name];
}

export async function setPasswordHash(db: Queryable, userId: string, hash: string, at: Date): Promise<void> {
  await db.query(
    `update public.customer_users
        set password_hash = $2, password_changed_at = $3
      where id = $1`,
    [userId, hash, at],
  );
}
