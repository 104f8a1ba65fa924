import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { issueOneTimeToken } from '../auth/one-time-tokens.ts';
import { resolveTenant } from '../auth/tenants.ts';
import { throttleAddress, throttleClient } from '../auth/throttle.ts';
import { findUserByEmail, isActive } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { defineAction } from '../http/define-action.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { email, tenantSlug } from '../validation/input-fields.ts';

const input = z.object({ tenant: tenantSlug, email });

/** customerResendVerificationEmail: a fresh link for an unconfirmed account; the same answer for any address. */
export const customerResendVerificationEmail = defineAction('customerResendVerificationEmail', input, async (ctx, args) => {
  await throttleClient(ctx, 'email');
  const tenant = await resolveTenant(ctx.deps.pool, args.tenant, ctx.deps.config.defaultTenant);
  await throttleAddress(ctx, tenant.id, args.email);
  await inTransaction(ctx.deps.pool, async (tx) => {
    const user = await findUserByEmail(tx, tenant.id, args.email, true);
    // Invitations carry their own link; refused registrations get nothing.
    if (!user || !isActive(user) || user.email_verified_at || !['PENDING', 'APPROVED'].includes(user.approval_status)) return;
    const { token, expiresAt } = await issueOneTimeToken(tx, user, 'EMAIL_VERIFICATION', ctx.now);
    await queueEmail(tx, ctx.services.box, user, { template: 'EMAIL_VERIFICATION', token, payload: { expires_at: expiresAt, tenant_slug: tenant.slug } }, ctx.now);
    await logUserActivity(ctx, tx, user, 'auth.verification_email_sent');
  });
  return { accepted: true };
});
