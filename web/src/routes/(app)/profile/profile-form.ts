import { LANGUAGES } from '@portal/common';
import { z } from 'zod';
import { m } from '../../../lib/paraglide/messages.js';
import { currentZoneName } from '../../../lib/time-zone-choices.ts';
import { isTimeZone } from '../../../lib/time-zones.ts';
import { NOTIFICATION_TOPICS, type NotificationKey } from './notification-topics.ts';

const atMost = (max: number) => ({ error: () => m.account_at_most({ max }) });
const optionalText = (max: number) => z.string().trim().max(max, atMost(max)).transform((value) => value || null);

/** Its messages are message functions, so each request reads them in its own language. */
const profileSchema = z.object({
  first_name: z.string().trim().min(1, { error: m.account_first_name_missing }).max(100, atMost(100)),
  last_name: z.string().trim().min(1, { error: m.account_last_name_missing }).max(100, atMost(100)),
  phone: optionalText(40).refine((value) => value === null || /^[0-9+().\-\s/x]+$/.test(value), { error: m.account_phone_invalid }),
  job_title: optionalText(100),
  preferred_language: z.enum(LANGUAGES, { error: m.account_language_invalid }),
  // Saved under the zone's current name, whichever spelling was typed.
  timezone: z.string().trim().refine(isTimeZone, { error: m.account_time_zone_invalid }).transform(currentZoneName),
});

export type ProfileChanges = z.output<typeof profileSchema>;

export type ParsedProfile =
  | { ok: true; set: ProfileChanges; preferences: Record<NotificationKey, boolean> }
  | { ok: false; errors: Record<string, string> };

/** Validates the profile form; unticked boxes are absent from a form, so each topic is "present or not". */
export function parseProfileForm(form: FormData): ParsedProfile {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const parsed = profileSchema.safeParse(Object.fromEntries(Object.keys(profileSchema.shape).map((name) => [name, text(name)])));
  if (!parsed.success) return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])) };
  const preferences = Object.fromEntries(NOTIFICATION_TOPICS.map(({ key }) => [key, form.has(key)])) as Record<NotificationKey, boolean>;
  return { ok: true, set: parsed.data, preferences };
}

/** The stored preferences as the form's ticks; a topic never set counts as on (the column's default). */
export function preferenceTicks(stored: unknown): Record<NotificationKey, boolean> {
  const object = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(NOTIFICATION_TOPICS.map(({ key }) => [key, object[key] !== false])) as Record<NotificationKey, boolean>;
}
