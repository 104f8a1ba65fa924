import { z } from 'zod';
import { csvDocument } from '../csv.ts';

/** The areas of the log a person can filter by: the first part of `action`. */
export const ACTIVITY_AREAS = {
  auth: 'Sign-in and security',
  company: 'People and settings',
  quote: 'Quotes',
  order: 'Orders',
  proof: 'Proofs',
  artwork: 'Artwork',
  integrator: 'Integrations',
} as const;
export type ActivityArea = keyof typeof ACTIVITY_AREAS;

/** Words for the entries a company administrator most often reads; others are shown by their code. */
const ACTION_WORDS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_out': 'Signed out',
  'auth.sign_out_all': 'Signed out everywhere',
  'auth.password_changed': 'Changed their password',
  'auth.password_reset': 'Reset their password by email',
  'auth.mfa_enabled': 'Turned on two-factor authentication',
  'auth.mfa_disabled': 'Turned off two-factor authentication',
  'auth.account_under_attack': 'Account under attack: many failed sign-ins',
  'auth.registered': 'Registered',
  'auth.email_verified': 'Confirmed their email address',
  'auth.session_revoked': 'Ended one of their sessions',
  'company.user_pending': 'Waits for approval',
  'company.user_approved': 'Approved a person',
  'company.user_refused': 'Refused a registration',
  'company.user_invited': 'Invited a person',
  'company.invitation_accepted': 'Accepted an invitation',
  'company.user_changed': 'Changed a person’s role or access',
  'company.user_sessions_ended': 'Signed a person out everywhere',
  'company.email_domain_added': 'Verified an email domain',
  'company.email_domain_removed': 'Removed an email domain',
  'quote.requested': 'Asked for a quote',
  'quote.approved': 'Approved a quote',
  'quote.rejected': 'Rejected a quote',
  'quote.changes_requested': 'Asked for changes to a quote',
  'order.reordered': 'Ordered again',
  'proof.approved': 'Approved a proof',
  'proof.approved_with_changes': 'Approved a proof with changes',
  'proof.revision_requested': 'Asked for a proof revision',
  'proof.decision_withdrawn': 'Withdrew a proof decision',
  'artwork.uploaded': 'Uploaded artwork',
};

export function describeAction(action: string): string {
  return ACTION_WORDS[action] ?? action.replace(/^[a-z]+\./, '').replaceAll('_', ' ');
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const filterSchema = z.object({
  area: z.enum(Object.keys(ACTIVITY_AREAS) as [ActivityArea, ...ActivityArea[]]).optional().catch(undefined),
  person: z.uuid().optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ActivityFilters = z.output<typeof filterSchema>;

/** The filters of the address bar; anything malformed is simply not applied. */
export function readActivityFilters(params: URLSearchParams): ActivityFilters {
  const value = (name: string) => params.get(name) || undefined;
  return filterSchema.parse({ area: value('area'), person: value('person'), from: value('from'), to: value('to'), page: value('page') ?? 1 });
}

/**
 * The engine's `where` for the filters (the row filter adds the company). Session refreshes, one
 * every few minutes per signed-in person, are left out: they say nothing an administrator needs.
 * Days are whole UTC days, as the CSV's times are.
 */
export function activityWhere(filters: ActivityFilters): Record<string, unknown> {
  const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();
  const created: Record<string, string> = {};
  if (filters.from) created._gte = shift(filters.from, 0);
  if (filters.to) created._lt = shift(filters.to, 1);
  return {
    _and: [
      { action: { _neq: 'auth.session_refreshed' } },
      ...(filters.area ? [{ action: { _like: `${filters.area}.%` } }] : []),
      ...(filters.person ? [{ user_id: { _eq: filters.person } }] : []),
      ...(Object.keys(created).length > 0 ? [{ created_at: created }] : []),
    ],
  };
}

export interface ActivityEntry {
  action: string;
  actor_role?: string | null;
  entity_type?: string | null;
  entity_id?: string | null;
  ip_address?: string | null;
  details?: unknown;
  created_at: string;
  user?: { first_name: string; last_name: string; email: string } | null;
}

export function personOf(entry: ActivityEntry): string {
  if (!entry.user) return entry.actor_role === 'staff' ? 'The printer' : 'Someone signed out';
  return `${entry.user.first_name} ${entry.user.last_name}`.trim() || entry.user.email;
}

/** The facts of an entry in one line, e.g. `role: customer_user → customer_approver`. */
export function detailsText(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== '' && value !== undefined)
    .map(([key, value]) => `${key.replaceAll('_', ' ')}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join('; ');
}

const HEADER = ['time_utc', 'what', 'action', 'person', 'email', 'role', 'address', 'about', 'details'];

/** The filtered log as CSV, newest first. */
export function activityCsv(entries: readonly ActivityEntry[]): string {
  return csvDocument(
    HEADER,
    entries.map((entry) => [
      new Date(entry.created_at).toISOString(),
      describeAction(entry.action),
      entry.action,
      personOf(entry),
      entry.user?.email ?? '',
      entry.actor_role ?? '',
      entry.ip_address ?? '',
      entry.entity_type && entry.entity_id ? `${entry.entity_type} ${entry.entity_id}` : '',
      detailsText(entry.details),
    ]),
  );
}
