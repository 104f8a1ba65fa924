import { logActivity } from '../audit/activity-log.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { notifyProofDecided } from './proof-notices.ts';
import { findProof, isLocked, recordProofEvent, type Actor, type ProofRow, type ProofScope } from './proof-store.ts';
import type { ProofResult } from './publish-proof.ts';

export type Decision = 'APPROVED' | 'APPROVED_WITH_CHANGES' | 'REVISION_REQUESTED';

const ACTIVITY: Record<Decision, string> = {
  APPROVED: 'proof.approved',
  APPROVED_WITH_CHANGES: 'proof.approved_with_changes',
  REVISION_REQUESTED: 'proof.revision_requested',
};

/** The current version of a proof in scope, row-locked; older versions are history, never decided. */
export async function lockCurrentProof(tx: Queryable, proofId: string, scope: ProofScope): Promise<ProofRow> {
  const proof = await findProof(tx, proofId, scope, true);
  if (proof === undefined) throw new ActionError('PROOF_NOT_FOUND');
  if (proof.superseded_at !== null) throw new ActionError('PROOF_SUPERSEDED', { extensions: { version: proof.version } });
  return proof;
}

function result(proof: ProofRow, status: string): ProofResult {
  return { proofId: proof.id, version: proof.version, status };
}

/**
 * customerApproveProof / customerRequestProofRevision: one decision per version, recording who,
 * when, whether their account has a second factor, and the hash of the file they decided on.
 */
export async function decideProof(ctx: ActionContext, tx: Queryable, actor: Actor, scope: ProofScope, proofId: string, decision: Decision, comment: string | null): Promise<ProofResult> {
  const proof = await lockCurrentProof(tx, proofId, scope);
  if (proof.status !== 'PENDING_REVIEW') throw new ActionError('PROOF_ALREADY_DECIDED', { extensions: { status: proof.status } });
  await tx.query(
    `update public.proofs
        set status = $2, decision_by = $3, decided_at = $4, decision_comment = $5, decision_mfa_used = $6, decision_file_sha256 = file_sha256
      where id = $1`,
    [proof.id, decision, actor.id, ctx.now, comment, actor.mfaEnabled],
  );
  const details = { version: proof.version, comment, mfa_used: actor.mfaEnabled, file_sha256: proof.file_sha256 };
  await recordProofEvent(tx, proof, actor, { kind: decision, details }, ctx.now);
  await logActivity(tx, {
    tenantId: proof.tenant_id, customerId: proof.customer_id, userId: actor.id, actorRole: actor.role, action: ACTIVITY[decision],
    entityType: 'proofs', entityId: proof.id, details,
  }, ctx.client, ctx.now);
  await notifyProofDecided(tx, proof, { decision, decidedByName: actor.name, comment }, ctx.now);
  return result(proof, decision);
}

/** customerWithdrawProofDecision: back to PENDING_REVIEW while not locked; what was withdrawn stays in the trail. */
export async function withdrawDecision(ctx: ActionContext, tx: Queryable, actor: Actor, scope: ProofScope, proofId: string, reason: string): Promise<ProofResult> {
  const proof = await lockCurrentProof(tx, proofId, scope);
  if (proof.status === 'PENDING_REVIEW') throw new ActionError('PROOF_NOT_DECIDED');
  if (isLocked(proof)) throw new ActionError('PROOF_LOCKED');
  await tx.query(
    `update public.proofs
        set status = 'PENDING_REVIEW', decision_by = null, decided_at = null, decision_comment = null, decision_mfa_used = null, decision_file_sha256 = null
      where id = $1`,
    [proof.id],
  );
  const details = { version: proof.version, reason, withdrawn_status: proof.status, withdrawn_comment: proof.decision_comment, withdrawn_decision_by: proof.decision_by };
  await recordProofEvent(tx, proof, actor, { kind: 'WITHDRAWN', details }, ctx.now);
  await logActivity(tx, {
    tenantId: proof.tenant_id, customerId: proof.customer_id, userId: actor.id, actorRole: actor.role, action: 'proof.decision_withdrawn',
    entityType: 'proofs', entityId: proof.id, details,
  }, ctx.client, ctx.now);
  await notifyProofDecided(tx, proof, { decision: 'WITHDRAWN', decidedByName: actor.name, comment: reason }, ctx.now);
  return result(proof, 'PENDING_REVIEW');
}

/** staffLockProof: the current version's decision can no longer be withdrawn. Locking twice changes nothing. */
export async function lockProof(ctx: ActionContext, tx: Queryable, actor: Actor, scope: ProofScope, proofId: string): Promise<ProofResult> {
  const proof = await lockCurrentProof(tx, proofId, scope);
  if (proof.locked_at === null) {
    await tx.query('update public.proofs set locked_at = $2 where id = $1', [proof.id, ctx.now]);
    await recordProofEvent(tx, proof, actor, { kind: 'LOCKED', details: { reason: 'STAFF' } }, ctx.now);
  }
  return result(proof, proof.status);
}
