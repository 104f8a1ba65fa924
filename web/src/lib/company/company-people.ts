import { CUSTOMER_ROLES, type CustomerRole } from '@portal/common';

/** What a company administrator calls each customer role, and what it may do. */
export const ROLE_LABELS: Record<CustomerRole, string> = {
  customer_user: 'User',
  customer_approver: 'Approver',
  customer_admin: 'Portal administrator',
};

export const ROLE_HINTS: Record<CustomerRole, string> = {
  customer_user: 'Follows orders, asks for quotes, uploads artwork and comments on proofs.',
  customer_approver: 'Also approves quotes (up to the approval limit) and proofs.',
  customer_admin: 'Also manages the company’s people, settings and integrations.',
};

export const ROLE_OPTIONS = CUSTOMER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as CustomerRole] ?? role;
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
