import { z } from 'zod';
import { csvDocument } from '../csv.ts';
import { m } from '../paraglide/messages.js';

/** The areas of the log a person can filter by: the first part of `action`, each named in the request's language. */
export const ACTIVITY_AREAS = {
  auth: m.company_area_auth,
  company: m.company_area_company,
  quote: m.company_area_quote,
  order: m.company_area_order,
  proof: m.company_area_proof,
  artwork: m.company_area_artwork,
  integrator: m.company_area_integrator,
} as const satisfies Record<string, () => string>;
export type ActivityArea = keyof typeof ACTIVITY_AREAS;

/** Words for the entries a company administrator most often reads; others are shown by their code. */
const ACTION_WORDS: Record<string, () => string> = {
  'auth.sign_in': m.company_action_auth_sign_in,
  'auth.sign_in_failed': m.company_action_auth_sign_in_failed,
  'auth.sign_out': m.company_action_auth_sign_out,
  'auth.sign_out_all': m.company_action_auth_sign_out_all,
  'auth.password_changed': m.company_action_auth_password_changed,
  'auth.password_reset': m.company_action_auth_password_reset,
  'auth.mfa_enabled': m.company_action_auth_mfa_enabled,
  'auth.mfa_disabled': m.company_action_auth_mfa_disabled,
  'auth.account_under_attack': m.company_action_auth_account_under_attack,
  'auth.registered': m.company_action_auth_registered,
  'auth.email_verified': m.company_action_auth_email_verified,
  'auth.session_revoked': m.company_action_auth_session_revoked,
  'company.user_pending': m.company_action_company_user_pending,
  'company.user_approved': m.company_action_company_user_approved,
  'company.user_refused': m.company_action_company_user_refused,
  'company.user_invited': m.company_action_company_user_invited,
  'company.invitation_accepted': m.company_action_company_invitation_accepted,
  'company.user_changed': m.company_action_company_user_changed,
  'company.user_sessions_ended': m.company_action_company_user_sessions_ended,
  'company.email_domain_added': m.company_action_company_email_domain_added,
  'company.email_domain_removed': m.company_action_company_email_domain_removed,
  'quote.requested': m.company_action_quote_requested,
  'quote.approved': m.company_action_quote_approved,
  'quote.rejected': m.company_action_quote_rejected,
  'quote.changes_requested': m.company_action_quote_changes_requested,
  'order.reordered': m.company_action_order_reordered,
  'proof.approved': m.company_action_proof_approved,
  'proof.approved_with_changes': m.company_action_proof_approved_with_changes,
  'proof.revision_requested': m.company_action_proof_revision_requested,
  'proof.decision_withdrawn': m.company_action_proof_decision_withdrawn,
  'artwork.uploaded': m.company_action_artwork_uploaded,
};

export function describeAction(action: string): string {
  return ACTION_WORDS[action]?.() ?? action.replace(/^[a-z]+\./, '').replaceAll('_', ' ');
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
  if (!entry.user) return entry.actor_role === 'staff' ? m.company_activity_printer() : m.company_activity_signed_out_person();
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
