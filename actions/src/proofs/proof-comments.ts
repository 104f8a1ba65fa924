import { randomUUID } from 'node:crypto';
import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { lockCurrentProof } from './decide-proof.ts';
import { findProof, recordProofEvent, type Actor, type ProofRow, type ProofScope } from './proof-store.ts';

/** A new thread names its page (and optionally a point); a reply names its thread and nothing else. */
export type CommentInput =
  | { proofId: string; body: string; parentId: null; page: number; point: { x: number; y: number } | null }
  | { proofId: string; body: string; parentId: string; page: null; point: null };

export interface CommentResult {
  commentId: string;
  proofId: string;
}

async function checkPlace(tx: Queryable, proof: ProofRow, input: CommentInput): Promise<void> {
  if (input.parentId === null) {
    if (proof.page_count !== null && input.page > proof.page_count) {
      throw new ActionError('PROOF_PAGE_OUT_OF_RANGE', { extensions: { page: input.page, pageCount: proof.page_count } });
    }
    return;
  }
  const thread = await maybeOne(tx, 'select 1 from public.proof_comments where id = $1 and proof_id = $2 and parent_id is null', [input.parentId, proof.id]);
  if (thread === undefined) throw new ActionError('PROOF_COMMENT_NOT_FOUND');
}

/** proofAddComment: on the current version only (older versions are the record of what was said then). */
export async function addComment(ctx: ActionContext, tx: Queryable, actor: Actor, scope: ProofScope, input: CommentInput): Promise<CommentResult> {
  const proof = await lockCurrentProof(tx, input.proofId, scope);
  await checkPlace(tx, proof, input);
  const id = randomUUID();
  await tx.query(
    `insert into public.proof_comments
       (id, tenant_id, customer_id, proof_id, parent_id, author_id, author_role, author_name, body, page, x, y, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
    [id, proof.tenant_id, proof.customer_id, proof.id, input.parentId, actor.id, actor.role, actor.name.slice(0, 200), input.body,
      input.page, input.point?.x ?? null, input.point?.y ?? null, ctx.now],
  );
  await recordProofEvent(tx, proof, actor, { kind: 'COMMENTED', details: { comment_id: id, reply_to: input.parentId, page: input.page } }, ctx.now);
  return { commentId: id, proofId: proof.id };
}

/** proofResolveComment: threads (not replies) are resolved or reopened by anyone who may see the proof. */
export async function resolveComment(ctx: ActionContext, tx: Queryable, actor: Actor, scope: ProofScope, commentId: string, resolved: boolean): Promise<CommentResult> {
  const comment = await maybeOne<{ proof_id: string }>(
    tx,
    `select proof_id from public.proof_comments where id = $1 and parent_id is null and tenant_id = $2 and ($3::uuid is null or customer_id = $3) for update`,
    [commentId, scope.tenantId, scope.customerId],
  );
  if (comment === undefined) throw new ActionError('PROOF_COMMENT_NOT_FOUND');
  const changed = await tx.query(
    `update public.proof_comments set resolved_at = $2, resolved_by = $3
      where id = $1 and (resolved_at is null) = $4`,
    resolved ? [commentId, ctx.now, actor.id, true] : [commentId, null, null, false],
  );
  if (changed.rowCount === 1) {
    const proof = (await findProof(tx, comment.proof_id, scope))!;
    await recordProofEvent(tx, proof, actor, { kind: resolved ? 'COMMENT_RESOLVED' : 'COMMENT_REOPENED', details: { comment_id: commentId } }, ctx.now);
  }
  return { commentId, proofId: comment.proof_id };
}
