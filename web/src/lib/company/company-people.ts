import { CUSTOMER_ROLES, type CustomerRole } from '@portal/common';
import { m } from '../paraglide/messages.js';

/** What a company administrator calls each customer role, in the request's language. */
export const ROLE_LABELS: Record<CustomerRole, () => string> = {
  customer_user: m.company_role_user,
  customer_approver: m.company_role_approver,
  customer_admin: m.company_role_admin,
};

/** The roles as a select's options, labelled in the request's language. */
export function roleOptions(): { value: CustomerRole; label: string }[] {
  return CUSTOMER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role]() }));
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as CustomerRole]?.() ?? role;
}

export interface Person {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  active: boolean;
  approval_status: string;
  email_verified_at?: string | null;
}

/** The lists of the people page: who waits, who is invited, who is in, who is out. */
export type PeopleGroup = 'waiting' | 'invited' | 'active' | 'inactive';

export function groupOf(person: Person): PeopleGroup {
  if (person.approval_status === 'PENDING') return 'waiting';
  if (person.approval_status === 'INVITED') return 'invited';
  if (person.approval_status === 'APPROVED' && person.active) return 'active';
  return 'inactive';
}

export function groupPeople<P extends Person>(people: readonly P[]): Record<PeopleGroup, P[]> {
  const groups: Record<PeopleGroup, P[]> = { waiting: [], invited: [], active: [], inactive: [] };
  for (const person of people) groups[groupOf(person)].push(person);
  return groups;
}

export function displayName(person: Pick<Person, 'first_name' | 'last_name' | 'email'>): string {
  return `${person.first_name} ${person.last_name}`.trim() || person.email;
}
