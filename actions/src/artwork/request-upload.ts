import { randomUUID } from 'node:crypto';
import { logActivity } from '../audit/activity-log.ts';
import type { UserSession } from '../auth/session-user.ts';
import { inTransaction } from '../db/transaction.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { insertPendingArtwork, ownsTarget } from './artwork-store.ts';
import { artworkTypeFor } from './file-types.ts';
import { describeFileSize } from '@portal/common';
import { originalKey } from './storage-keys.ts';

export interface UploadRequest {
  fileName: string;
  fileSize: number;
  fileType: string;
  quoteId: string | null;
  orderId: string | null;
}

export interface UploadTicket {
  fileId: string;
  uploadUrl: string;
  fields: { name: string; value: string }[];
  maxBytes: number;
  expiresAt: string;
}

function checkFile(ctx: ActionContext, request: UploadRequest) {
  const type = artworkTypeFor(request.fileName, request.fileType);
  if (type === null) throw new ActionError('ARTWORK_TYPE_NOT_ALLOWED', { extensions: { fileName: request.fileName } });
  const maxBytes = ctx.deps.config.artwork.maxUploadBytes;
  if (request.fileSize > maxBytes) {
    throw new ActionError('ARTWORK_TOO_LARGE', {
      message: `This file is ${describeFileSize(request.fileSize)}; the limit is ${describeFileSize(maxBytes)}.`,
      extensions: { sizeBytes: request.fileSize, maxBytes },
    });
  }
  return { type, maxBytes };
}

async function checkTarget(ctx: ActionContext, request: UploadRequest, customerId: string): Promise<void> {
  if (request.orderId !== null && !(await ownsTarget(ctx.deps.pool, 'sales_orders', request.orderId, customerId))) {
    throw new ActionError('ORDER_NOT_FOUND');
  }
  if (request.quoteId !== null && !(await ownsTarget(ctx.deps.pool, 'quotes', request.quoteId, customerId))) {
    throw new ActionError('QUOTE_NOT_FOUND');
  }
}

/**
 * Creates the PENDING_UPLOAD row with a key the server chose and returns a presigned POST for
 * exactly that key, that content type and at most the size limit, valid for the configured minutes.
 */
export async function requestUpload(ctx: ActionContext, session: UserSession, request: UploadRequest): Promise<UploadTicket> {
  const customerId = session.customerId!;
  const { type, maxBytes } = checkFile(ctx, request);
  await checkTarget(ctx, request, customerId);
  const fileId = randomUUID();
  const key = originalKey(session.tenantId, customerId, fileId);
  const expiresSeconds = ctx.deps.config.artwork.uploadUrlSeconds;
  const presigned = await ctx.deps.storage.presignUpload({ key, contentType: type.contentType, maxBytes, expiresSeconds });
  await inTransaction(ctx.deps.pool, async (tx) => {
    await insertPendingArtwork(tx, {
      id: fileId, tenantId: session.tenantId, customerId, uploadedBy: session.userId, quoteId: request.quoteId, orderId: request.orderId,
      fileName: request.fileName, contentType: type.contentType, declaredSize: request.fileSize, storageKey: key, now: ctx.now,
    });
    await logActivity(
      tx,
      {
        tenantId: session.tenantId, customerId, userId: session.userId, actorRole: session.role, action: 'artwork.upload_requested',
        entityType: 'artwork_files', entityId: fileId,
        details: { file_name: request.fileName, declared_size_bytes: request.fileSize, order_id: request.orderId, quote_id: request.quoteId },
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
