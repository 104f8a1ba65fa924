import type { MfaTicketClaims } from '../auth/mfa-ticket.ts';
import { findUserById, isUsable, type UserRow } from '../auth/users.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { mustEnrollMfa } from './mfa-enrollment.ts';
import { ticketSpent } from './ticket-use.ts';

/**
 * The person a ticket from the password step names, when their company requires a second factor
 * they do not have yet, locked for the change; else MFA_TICKET_INVALID. The ticket is the only
 * thing such a person gets from signing in: no session until the factor is set up.
 */
export async function enrollingUser(ctx: ActionContext, tx: Queryable, ticket: string): Promise<{ user: UserRow; claims: MfaTicketClaims }> {
  const claims = ctx.services.mfaTickets.read(ticket, ctx.now);
  if (!claims) throw new ActionError('MFA_TICKET_INVALID', { detail: 'forged or expired ticket' });
  const user = await findUserById(tx, claims.userId, true);
  const valid =
    user !== undefined &&
    isUsable(user) &&
    mustEnrollMfa(user) &&
    user.tenant_id === claims.tenantId &&
    user.password_changed_at.getTime() === claims.passwordStamp &&
    !(await ticketSpent(tx, claims));
  if (!valid) throw new ActionError('MFA_TICKET_INVALID', { detail: 'not a pending required enrolment' });
  return { user, claims };
}
