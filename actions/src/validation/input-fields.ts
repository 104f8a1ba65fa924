import { z } from 'zod';
import { toCents } from '../quotes/money.ts';

/** Input fields that several action schemas share. Hasura sends an omitted optional argument as absent or null. */
export const tenantSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a portal name such as demo-printer')
  .nullish()
  .transform((value) => value ?? undefined);

/** Lower-cased (customer_users.email must be lower case) and shaped like the table's check. */
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an email address');

/** A password being presented; the upper bound only stops absurd bodies (the policy is separate). */
export const password = z.string().min(1, 'is required').max(1024);

/** A password being chosen; WEAK_PASSWORD explains what is wrong with it, not zod. */
export const newPassword = z.string().max(1024);

/** Refresh tokens, email-link tokens and MFA tickets. */
export const opaqueToken = z.string().trim().min(16, 'is not a valid token').max(2048);

/** A 6-digit TOTP code or a backup code such as `7K2QD-M9XW4`. */
/** The known-device cookie's token; optional, and a malformed one counts as none. */
export const deviceToken = z
  .string()
  .max(2048)
  .nullish()
  .transform((value) => (value && value.length >= 16 ? value : undefined));

export const secondFactorCode = z.string().trim().min(6, 'is too short').max(20);

/** An amount of money as a decimal string such as "1234.50" (never a float), in cents. */
export const money = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be an amount such as 1234.50')
  .transform(toCents);

/** An optional amount of money: absent or null is zero. */
export const optionalMoney = money.nullish().transform((value) => value ?? 0n);

/** A calendar date, `YYYY-MM-DD` (as Hasura's `date` scalar carries it). */
export const calendarDate = z.iso.date('must be a date such as 2026-05-31');

/** Text a person wrote that must say something: trimmed, 1 to `max` characters. */
export function requiredText(max: number) {
  return z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
}

/** Optional text: absent, null or blank is null; otherwise trimmed, at most `max` characters. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** A first or last name as a person types it. */
export const personName = z.string().trim().min(1, 'is required').max(100);
