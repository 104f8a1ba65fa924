import type { UserRole } from '@portal/common';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { inTransaction, type Queryable } from '../db/transaction.ts';
import type { ActionContext } from '../http/action-context.ts';
import { actorOf, scopeOf, type Actor, type ProofScope } from './proof-store.ts';

/** Who decides proofs, as for quotes: approvers and admins (never customer_user). */
export const PROOF_DECIDERS: readonly UserRole[] = ['customer_approver', 'customer_admin'];
export const STAFF: readonly UserRole[] = ['staff'];

/**
 * Runs proof work in one transaction as the signed-in person behind the session (checked against
 * the account, so a token for one company never acts on another's proofs).
 */
export function asProofActor<T>(ctx: ActionContext, roles: readonly UserRole[], work: (tx: Queryable, actor: Actor, scope: ProofScope) => Promise<T>): Promise<T> {
  requireRole(ctx.session, roles);
  return inTransaction(ctx.deps.pool, async (tx) => {
    const user = await requireSessionUser(tx, ctx.session);
    return work(tx, actorOf(user), scopeOf(user));
  });
}
