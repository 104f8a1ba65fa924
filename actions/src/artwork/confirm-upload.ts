import { describeFileSize, type ArtworkFileStatus } from '@portal/common';
import { logActivity } from '../audit/activity-log.ts';
import type { UserSession } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { findArtwork, leavePending, type ArtworkRow } from './artwork-store.ts';
import { artworkTypeOfContentType, describeHead, matchesMagic } from './file-types.ts';
import { inspectObject } from './inspect-object.ts';

export interface ConfirmResult {
  fileId: string;
  status: ArtworkFileStatus;
  rejectionReason: string | null;
}

interface Verdict {
  status: ArtworkFileStatus;
  actualSize: number;
  sha256: string | null;
  rejectionReason: string | null;
}

/** Only the person who asked for the upload (a customer's, or staff's for a proof) confirms it, and only once. */
async function pendingFileOf(ctx: ActionContext, session: UserSession, fileId: string): Promise<ArtworkRow> {
  const file = await findArtwork(ctx.deps.pool, fileId);
  const ownCompany = session.role === 'staff' ? file?.purpose === 'PROOF' : file?.customer_id === session.customerId;
  if (file === undefined || file.tenant_id !== session.tenantId || !ownCompany || file.uploaded_by !== session.userId) {
    throw new ActionError('ARTWORK_NOT_FOUND');
  }
  if (file.status !== 'PENDING_UPLOAD') throw new ActionError('ARTWORK_NOT_PENDING', { extensions: { status: file.status } });
  return file;
}

/**
 * What the stored bytes say: the real size against the limit (the presigned POST's cap is not
 * enforced by every S3 stand-in), then, reading the object once, the magic numbers against the
 * declared type and the SHA-256.
 */
async function judge(ctx: ActionContext, file: ArtworkRow, size: number): Promise<Verdict> {
  const maxBytes = ctx.deps.config.artwork.maxUploadBytes;
  if (size > maxBytes) {
    return { status: 'REJECTED', actualSize: size, sha256: null, rejectionReason: `This file is ${describeFileSize(size)}; the limit is ${describeFileSize(maxBytes)}.` };
  }
  const facts = await inspectObject(await ctx.deps.storage.read(file.storage_key));
  const type = artworkTypeOfContentType(file.content_type)!;
  if (!matchesMagic(type, facts.head)) {
    return {
      status: 'REJECTED', actualSize: facts.bytes, sha256: facts.sha256,
      rejectionReason: `The file is named as ${type.label} but its content is ${describeHead(facts.head)}. Export it again as ${type.label}.`,
    };
  }
  const next: ArtworkFileStatus = ctx.deps.config.artwork.scanner === null ? 'UNSCANNED' : 'SCANNING';
  return { status: next, actualSize: facts.bytes, sha256: facts.sha256, rejectionReason: null };
}

/** customerConfirmArtworkUpload's (and staffConfirmProofUpload's) rule: PENDING_UPLOAD → REJECTED (object deleted), SCANNING, or UNSCANNED without a scanner. */
export async function confirmUpload(ctx: ActionContext, session: UserSession, fileId: string): Promise<ConfirmResult> {
  const file = await pendingFileOf(ctx, session, fileId);
  const size = await ctx.deps.storage.size(file.storage_key);
  if (size === null) throw new ActionError('ARTWORK_NOT_UPLOADED');
  const verdict = await judge(ctx, file, size);
  // A refused object is never kept: nobody may download it, and it must not cost storage.
  if (verdict.status === 'REJECTED') await ctx.deps.storage.remove(file.storage_key);
  const changed = await inTransaction(ctx.deps.pool, async (tx) => {
    if (!(await leavePending(tx, fileId, { ...verdict, now: ctx.now }))) return false;
    await logActivity(
      tx,
      {
        tenantId: file.tenant_id, customerId: file.customer_id, userId: session.userId, actorRole: session.role,
        action: verdict.status === 'REJECTED' ? 'artwork.rejected' : 'artwork.uploaded',
        entityType: 'artwork_files', entityId: fileId,
        details: { actual_size_bytes: verdict.actualSize, status: verdict.status, reason: verdict.rejectionReason },
      },
      ctx.client,
      ctx.now,
    );
    return true;
  });
  if (!changed) throw new ActionError('ARTWORK_NOT_PENDING');
  return { fileId, status: verdict.status, rejectionReason: verdict.rejectionReason };
}
