import type { ActionContext } from '../http/action-context.ts';
import { addressKey, hitRateLimit } from './rate-limit.ts';

/** `sign-in`: login, MFA step, integrator token. `email`: actions that send mail or spend a link. */
export type ThrottleScope = 'sign-in' | 'email';

/** Per client address, shared by every action-server process through PostgreSQL. */
export function throttleClient(ctx: ActionContext, scope: ThrottleScope): Promise<void> {
  const { rateLimit } = ctx.deps.config;
  const limit = scope === 'sign-in' ? rateLimit.signIn : rateLimit.email;
  return hitRateLimit(ctx.deps.pool, { key: `${scope}:ip:${ctx.client.ip ?? 'unknown'}`, limit, windowSeconds: rateLimit.windowSeconds }, ctx.now);
}

/**
 * Per email address, whether or not an account has it, so one inbox cannot be flooded and the
 * answer reveals nothing about which addresses exist.
 */
export function throttleAddress(ctx: ActionContext, tenantId: string, email: string): Promise<void> {
  const { rateLimit } = ctx.deps.config;
  return hitRateLimit(
    ctx.deps.pool,
    { key: `email:address:${addressKey(tenantId, email)}`, limit: rateLimit.perAddress, windowSeconds: rateLimit.windowSeconds },
    ctx.now,
  );
}
