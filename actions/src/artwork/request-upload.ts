import { randomUUID } from 'node:crypto';
import { logActivity } from '../audit/activity-log.ts';
import type { UserSession } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { insertPendingArtwork, ownsTarget, type ArtworkPurpose } from './artwork-store.ts';
import { artworkTypeFor } from './file-types.ts';
import { describeFileSize } from '@portal/common';
import { originalKey } from './storage-keys.ts';

/** The file a person is about to upload, as the browser describes it. */
export interface FileDeclaration {
  fileName: string;
  fileSize: number;
  fileType: string;
}

export interface UploadRequest extends FileDeclaration {
  quoteId: string | null;
  orderId: string | null;
}

/** What the new row is attached to; the caller has checked it belongs where it says. */
export interface UploadTarget {
  customerId: string;
  quoteId: string | null;
  orderId: string | null;
  orderLineId: string | null;
  purpose: ArtworkPurpose;
}

export interface UploadTicket {
  fileId: string;
  uploadUrl: string;
  fields: { name: string; value: string }[];
  maxBytes: number;
  expiresAt: string;
}

function checkFile(ctx: ActionContext, file: FileDeclaration) {
  const type = artworkTypeFor(file.fileName, file.fileType);
  if (type === null) throw new ActionError('ARTWORK_TYPE_NOT_ALLOWED', { extensions: { fileName: file.fileName } });
  const maxBytes = ctx.deps.config.artwork.maxUploadBytes;
  if (file.fileSize > maxBytes) {
    throw new ActionError('ARTWORK_TOO_LARGE', {
      message: `This file is ${describeFileSize(file.fileSize)}; the limit is ${describeFileSize(maxBytes)}.`,
      extensions: { sizeBytes: file.fileSize, maxBytes },
    });
  }
  return { type, maxBytes };
}

/**
 * Creates the PENDING_UPLOAD row with a key the server chose and returns a presigned POST for
 * exactly that key, that content type and at most the size limit, valid for the configured minutes.
 */
export async function issueUploadTicket(ctx: ActionContext, session: UserSession, target: UploadTarget, file: FileDeclaration): Promise<UploadTicket> {
  const { type, maxBytes } = checkFile(ctx, file);
  const fileId = randomUUID();
  const key = originalKey(session.tenantId, target.customerId, fileId);
  const expiresSeconds = ctx.deps.config.artwork.uploadUrlSeconds;
  const presigned = await ctx.deps.storage.presignUpload({ key, contentType: type.contentType, maxBytes, expiresSeconds });
  await inTransaction(ctx.deps.pool, async (tx) => {
    await insertPendingArtwork(tx, {
      id: fileId, tenantId: session.tenantId, customerId: target.customerId, uploadedBy: session.userId, quoteId: target.quoteId,
      orderId: target.orderId, orderLineId: target.orderLineId, purpose: target.purpose,
      fileName: file.fileName, contentType: type.contentType, declaredSize: file.fileSize, storageKey: key, now: ctx.now,
    });
    await logActivity(
      tx,
      {
        tenantId: session.tenantId, customerId: target.customerId, userId: session.userId, actorRole: session.role, action: 'artwork.upload_requested',
        entityType: 'artwork_files', entityId: fileId,
        details: {
          file_name: file.fileName, declared_size_bytes: file.fileSize, purpose: target.purpose,
          order_id: target.orderId, quote_id: target.quoteId, order_line_id: target.orderLineId,
        },
      },
      ctx.client,
      ctx.now,
    );
  });
  return {
    fileId,
    uploadUrl: presigned.url,
    fields: Object.entries(presigned.fields).map(([name, value]) => ({ name, value })),
    maxBytes,
    expiresAt: new Date(ctx.now.getTime() + expiresSeconds * 1000).toISOString(),
  };
}

async function checkTarget(ctx: ActionContext, request: UploadRequest, customerId: string): Promise<void> {
  if (request.orderId !== null && !(await ownsTarget(ctx.deps.pool, 'sales_orders', request.orderId, customerId))) {
    throw new ActionError('ORDER_NOT_FOUND');
  }
  if (request.quoteId !== null && !(await ownsTarget(ctx.deps.pool, 'quotes', request.quoteId, customerId))) {
    throw new ActionError('QUOTE_NOT_FOUND');
  }
}

/** customerRequestArtworkUpload's rule: a print file for an order or quote of the caller's own company. */
export async function requestUpload(ctx: ActionContext, session: UserSession, request: UploadRequest): Promise<UploadTicket> {
  const customerId = session.customerId!;
  checkFile(ctx, request);
  await checkTarget(ctx, request, customerId);
  return issueUploadTicket(ctx, session, { customerId, quoteId: request.quoteId, orderId: request.orderId, orderLineId: null, purpose: 'ARTWORK' }, request);
}
