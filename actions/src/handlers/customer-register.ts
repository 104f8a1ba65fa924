import { z } from 'zod';
import { LANGUAGES } from '@portal/common';
import { logActivity } from '../audit/activity-log.ts';
import { logUserActivity } from '../audit/user-activity.ts';
import { assertAcceptablePassword } from '../auth/check-new-password.ts';
import { issueOneTimeToken } from '../auth/one-time-tokens.ts';
import { resolveTenant, type Tenant } from '../auth/tenants.ts';
import { throttleAddress, throttleClient } from '../auth/throttle.ts';
import { findUserByEmail } from '../auth/users.ts';
import { maybeOne } from '../db/rows.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import { defineAction } from '../http/define-action.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { email, newPassword, personName, tenantSlug } from '../validation/input-fields.ts';

const customerCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'must be a customer code such as BLUEPEAK');

/** Hasura sends an omitted optional argument as absent or null. */
const language = z
  .enum(LANGUAGES)
  .nullish()
  .transform((value) => value ?? undefined);

const input = z.object({
  tenant: tenantSlug,
  customerCode,
  email,
  password: newPassword,
  firstName: personName,
  lastName: personName,
  preferredLanguage: language,
});
type Input = z.output<typeof input>;

/** Every answer is this, whether the address was new, taken, or the customer code unknown (no enumeration). */
const ACCEPTED = { accepted: true } as const;

interface Registration {
  tenant: Tenant;
  input: Input;
  passwordHash: string;
}

/**
 * customerRegister: a new `customer_user` of the company with that customer code, pending: after
 * confirming the email it is approved at once when the address is at one of the company's verified
 * domains, otherwise it waits for a company administrator, and until then sees nothing. The password is hashed before anything is looked up, so known and
 * unknown addresses cost the same time.
 */
export const customerRegister = defineAction('customerRegister', input, async (ctx, args) => {
  await throttleClient(ctx, 'email');
  const tenant = await resolveTenant(ctx.deps.pool, args.tenant, ctx.deps.config.defaultTenant);
  await throttleAddress(ctx, tenant.id, args.email);
  await assertAcceptablePassword(ctx.deps, args.password, [args.email, args.email.split('@')[0], args.firstName, args.lastName, args.customerCode, tenant.slug, tenant.name]);
  const passwordHash = await ctx.services.passwords.hash(args.password);
  await inTransaction(ctx.deps.pool, (tx) => register(ctx, tx, { tenant, input: args, passwordHash }));
  return ACCEPTED;
});

async function register(ctx: ActionContext, tx: Queryable, r: Registration): Promise<void> {
  const customer = await maybeOne<{ id: string }>(
    tx,
    'select id from public.customers where tenant_id = $1 and customer_code = $2 and active',
    [r.tenant.id, r.input.customerCode],
  );
  if (!customer) {
    await logActivity(tx, { tenantId: r.tenant.id, action: 'auth.registration_refused', details: { reason: 'unknown_customer_code' } }, ctx.client, ctx.now);
    return;
  }
  const existing = await findUserByEmail(tx, r.tenant.id, r.input.email, true);
  // Only an unconfirmed self-registration is replaced; an invitation or a real account never is.
  if (existing && (existing.email_verified_at || existing.role !== 'customer_user' || existing.approval_status !== 'PENDING')) {
    await logUserActivity(ctx, tx, existing, 'auth.registration_repeated');
    return;
  }
  const user = existing ? await replacePendingRegistration(ctx, tx, existing.id, customer.id, r) : await insertUser(ctx, tx, customer.id, r);
  const { token, expiresAt } = await issueOneTimeToken(tx, user, 'EMAIL_VERIFICATION', ctx.now);
  await queueEmail(tx, ctx.services.box, user, { template: 'EMAIL_VERIFICATION', token, payload: { expires_at: expiresAt, tenant_slug: r.tenant.slug } }, ctx.now);
  await logUserActivity(ctx, tx, user, existing ? 'auth.registration_replaced' : 'auth.registered');
}

const RETURNING = 'returning id, tenant_id, customer_id, role, email, first_name, preferred_language';
type NewUser = { id: string; tenant_id: string; customer_id: string; role: 'customer_user'; email: string; first_name: string; preferred_language: string };

async function insertUser(ctx: ActionContext, tx: Queryable, customerId: string, r: Registration): Promise<NewUser> {
  const result = await tx.query<NewUser>(
    `insert into public.customer_users (tenant_id, customer_id, role, email, password_hash, first_name, last_name,
                                        preferred_language, password_changed_at, approval_status, approved_at, created_at, updated_at)
     values ($1, $2, 'customer_user', $3, $4, $5, $6, $7, $8, 'PENDING', null, $8, $8) ${RETURNING}`,
    [r.tenant.id, customerId, r.input.email, r.passwordHash, r.input.firstName, r.input.lastName, r.input.preferredLanguage ?? 'en-US', ctx.now],
  );
  return result.rows[0]!;
}

/**
 * An unconfirmed self-registration registered again: the newest registration wins (password,
 * names, company), and the earlier link stops working. Otherwise whoever registered someone
 * else's address first would keep the password once the owner confirms it.
 */
async function replacePendingRegistration(ctx: ActionContext, tx: Queryable, userId: string, customerId: string, r: Registration): Promise<NewUser> {
  const result = await tx.query<NewUser>(
    `update public.customer_users
        set customer_id = $2, password_hash = $3, first_name = $4, last_name = $5,
            preferred_language = coalesce($6, preferred_language), password_changed_at = $7
      where id = $1 ${RETURNING}`,
    [userId, customerId, r.passwordHash, r.input.firstName, r.input.lastName, r.input.preferredLanguage ?? null, ctx.now],
  );
  return result.rows[0]!;
}
