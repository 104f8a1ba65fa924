import { z } from 'zod';

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
export const secondFactorCode = z.string().trim().min(6, 'is too short').max(20);
