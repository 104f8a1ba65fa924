import { LANGUAGES } from '@portal/common';
import { z } from 'zod';
import { isTimeZone } from '../../../lib/time-zones.ts';
import { NOTIFICATION_TOPICS, type NotificationKey } from './notification-topics.ts';

const optionalText = (max: number, message: string) => z.string().trim().max(max, message).transform((value) => value || null);

const profileSchema = z.object({
  first_name: z.string().trim().min(1, 'Enter your first name.').max(100, 'Use at most 100 characters.'),
  last_name: z.string().trim().min(1, 'Enter your last name.').max(100, 'Use at most 100 characters.'),
  phone: optionalText(40, 'Use at most 40 characters.').refine((value) => value === null || /^[0-9+().\-\s/x]+$/.test(value), 'Use digits, spaces and + ( ) - only.'),
  job_title: optionalText(100, 'Use at most 100 characters.'),
  preferred_language: z.enum(LANGUAGES, 'Choose one of the listed languages.'),
  timezone: z.string().trim().refine(isTimeZone, 'Choose a time zone from the list.'),
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

/** The IANA zones to choose from; UTC (the column's default) and the stored zone are always offered. */
export function timeZoneChoices(current: string): string[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  if (isTimeZone(current)) zones.add(current);
  return [...zones];
}
