import { z } from 'zod';
import type { AttemptSource } from '../auth/lockout.ts';
import type { MfaTicketClaims } from '../auth/mfa-ticket.ts';
import { throttleClient } from '../auth/throttle.ts';
import { findUserById, isUsable } from '../auth/users.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import { ActionError, fail, unwrap } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { defineAction } from '../http/define-action.ts';
import { assertMayAttempt, attemptSource } from '../sign-in/attempts.ts';
import { completeSignIn } from '../sign-in/complete-sign-in.ts';
import { refuseSecondFactor, spendSecondFactor } from '../sign-in/second-factor.ts';
import { spendTicket, ticketSpent } from '../sign-in/ticket-use.ts';
import { deviceToken, opaqueToken, secondFactorCode } from '../validation/input-fields.ts';

const input = z.object({ mfaTicket: opaqueToken, code: secondFactorCode, deviceToken });

/**
 * customerLoginMfa: the second sign-in step, with the ticket from customerLogin and a TOTP or
 * backup code. Wrong codes count as failed attempts from this source; since the ticket holder
 * already knows the password, a lock-out answer here reveals nothing. A ticket completes one
 * sign-in only, and a password change in between voids it.
 */
export const customerLoginMfa = defineAction('customerLoginMfa', input, async (ctx, args) => {
  await throttleClient(ctx, 'sign-in');
  const claims = ctx.services.mfaTickets.read(args.mfaTicket, ctx.now);
  if (!claims) throw new ActionError('MFA_TICKET_INVALID', { detail: 'forged or expired ticket' });
  const user = await findUserById(ctx.deps.pool, claims.userId);
  if (!user) throw new ActionError('MFA_TICKET_INVALID', { detail: 'no such user' });
  const source = await attemptSource(ctx, { tenantId: user.tenant_id, email: user.email, user }, args.deviceToken);
  await assertMayAttempt(ctx, source, user);
  return unwrap(await inTransaction(ctx.deps.pool, (tx) => secondStep(ctx, tx, claims, args.code, source)));
});

async function secondStep(ctx: ActionContext, tx: Queryable, claims: MfaTicketClaims, code: string, source: AttemptSource) {
  const user = await findUserById(tx, claims.userId, true);
  const valid =
    user !== undefined &&
    isUsable(user) &&
    user.mfa_enabled &&
    user.tenant_id === claims.tenantId &&
    user.password_changed_at.getTime() === claims.passwordStamp &&
    !(await ticketSpent(tx, claims));
  if (!valid) return fail('MFA_TICKET_INVALID');
  const spent = await spendSecondFactor(ctx, tx, user, code);
  if (!spent.ok) return fail(await refuseSecondFactor(ctx, tx, user, spent.reason, source));
  // A concurrent request completed this ticket first: throwing rolls back the code just spent.
  if (!(await spendTicket(tx, claims, ctx.now))) throw new ActionError('MFA_TICKET_INVALID', { detail: 'ticket used concurrently' });
  return completeSignIn(ctx, tx, user, spent.factor, source);
}
