import { z } from 'zod';
import { logUserActivity } from '../audit/user-activity.ts';
import { issueOneTimeToken } from '../auth/one-time-tokens.ts';
import { resolveTenant } from '../auth/tenants.ts';
import { throttleAddress, throttleClient } from '../auth/throttle.ts';
import { findUserByEmail, isUsable } from '../auth/users.ts';
import { inTransaction } from '../db/transaction.ts';
import { defineAction } from '../http/define-action.ts';
import { queueEmail } from '../notifications/outbox.ts';
import { email, tenantSlug } from '../validation/input-fields.ts';

const input = z.object({ tenant: tenantSlug, email });

/**
 * customerRequestPasswordReset: emails a one-hour reset link when the address has an active
 * account. The answer is the same for every address, so it reveals nothing.
 */
export const customerRequestPasswordReset = defineAction('customerRequestPasswordReset', input, async (ctx, args) => {
  await throttleClient(ctx, 'email');
  const tenant = await resolveTenant(ctx.deps.pool, args.tenant, ctx.deps.config.defaultTenant);
  await throttleAddress(ctx, tenant.id, args.email);
  await inTransaction(ctx.deps.pool, async (tx) => {
    const user = await findUserByEmail(tx, tenant.id, args.email, true);
    if (!user || !isUsable(user)) return;
    const { token, expiresAt } = await issueOneTimeToken(tx, user, 'PASSWORD_RESET', ctx.now);
    await queueEmail(tx, ctx.services.box, user, { template: 'PASSWORD_RESET', token, payload: { expires_at: expiresAt, tenant_slug: tenant.slug } }, ctx.now);
    await logUserActivity(ctx, tx, user, 'auth.password_reset_requested');
  });
  return { accepted: true };
});
