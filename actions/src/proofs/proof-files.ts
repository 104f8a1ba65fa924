import { maybeOne } from '../db/rows.ts';
import type { Queryable } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import type { UserSession } from '../auth/session-user.ts';
import { issueUploadTicket, type FileDeclaration, type UploadTicket } from '../artwork/request-upload.ts';
import { isQuarantined, pagePreviewKey } from '../artwork/storage-keys.ts';
import { findProof, recordProofEvent, type Actor, type ProofScope } from './proof-store.ts';

/** staffRequestProofUpload: the file goes to the line's customer's folder and through the artwork pipeline. */
export async function requestProofUpload(ctx: ActionContext, session: UserSession, orderLineId: string, file: FileDeclaration): Promise<UploadTicket> {
  const line = await maybeOne<{ customer_id: string; order_id: string }>(
    ctx.deps.pool,
    `select o.customer_id, o.id as order_id from public.sales_order_lines l join public.sales_orders o on o.id = l.order_id
      where l.id = $1 and o.tenant_id = $2`,
    [orderLineId, session.tenantId],
  );
  if (line === undefined) throw new ActionError('ORDER_LINE_NOT_FOUND');
  // Not attached to the order itself: the customer's artwork list of the order stays theirs.
  return issueUploadTicket(ctx, session, { customerId: line.customer_id, quoteId: null, orderId: null, orderLineId, purpose: 'PROOF' }, file);
}

/** proofRecordView: the first view per person goes into the trail; later views add nothing. */
export async function recordView(ctx: ActionContext, tx: Queryable, actor: Actor, scope: ProofScope, proofId: string): Promise<{ proofId: string; firstView: boolean }> {
  const proof = await findProof(tx, proofId, scope);
  if (proof === undefined) throw new ActionError('PROOF_NOT_FOUND');
  const firstView = await recordProofEvent(tx, proof, actor, { kind: 'VIEWED', details: { version: proof.version } }, ctx.now);
  return { proofId, firstView };
}

interface ProofFileRow {
  status: string;
  storage_key: string;
  page_previews: number;
}

function previewName(fileName: string, page: number): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-page-${page}.png`;
}

/**
 * proofFileUrl: a short-lived GET for one page preview, or without a page for the proof file,
 * to whoever may see the proof. Proofs from before the pipeline have no stored file to sign.
 */
export async function proofFileUrl(ctx: ActionContext, scope: ProofScope, proofId: string, page: number | null): Promise<{ url: string; expiresAt: string }> {
  const proof = await findProof(ctx.deps.pool, proofId, scope);
  if (proof === undefined) throw new ActionError('PROOF_NOT_FOUND');
  const file = proof.artwork_file_id === null ? undefined
    : await maybeOne<ProofFileRow>(ctx.deps.pool, 'select status, storage_key, page_previews from public.artwork_files where id = $1', [proof.artwork_file_id]);
  if (file === undefined || file.status !== 'CLEAN' || isQuarantined(file.storage_key)) throw new ActionError('PROOF_NO_PREVIEW');
  if (page !== null && page > file.page_previews) throw new ActionError('PROOF_NO_PREVIEW', { extensions: { page, pagePreviews: file.page_previews } });
  const seconds = ctx.deps.config.artwork.downloadUrlSeconds;
  const url = page === null
    ? await ctx.deps.storage.presignDownload(file.storage_key, proof.file_name, seconds)
    : await ctx.deps.storage.presignDownload(pagePreviewKey(file.storage_key, page), previewName(proof.file_name, page), seconds, 'inline');
  return { url, expiresAt: new Date(ctx.now.getTime() + seconds * 1000).toISOString() };
}
