import type { UserSession } from '../auth/session-user.ts';
import { ActionError } from '../errors/action-error.ts';
import type { ActionContext } from '../http/action-context.ts';
import { findArtwork, type ArtworkRow } from './artwork-store.ts';
import { isQuarantined } from './storage-keys.ts';

export type ArtworkVariant = 'ORIGINAL' | 'PREVIEW' | 'THUMBNAIL';

/** Customers reach proof files only through their published proof (proofFileUrl), never by file id. */
function visibleTo(file: ArtworkRow, session: UserSession): boolean {
  if (file.tenant_id !== session.tenantId) return false;
  return session.role === 'staff' || (file.customer_id === session.customerId && file.purpose === 'ARTWORK');
}

function keyOf(file: ArtworkRow, variant: ArtworkVariant): string {
  if (variant === 'ORIGINAL') return file.storage_key;
  const key = variant === 'PREVIEW' ? file.preview_key : file.thumbnail_key;
  if (key === null) throw new ActionError('ARTWORK_NO_PREVIEW');
  return key;
}

function previewName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-preview.png`;
}

/**
 * A short-lived GET for a CLEAN file (or its preview) of the caller's company, or of the tenant for
 * staff. Anything else is refused, and a quarantined key is never signed whatever the row says.
 */
export async function downloadUrl(ctx: ActionContext, session: UserSession, fileId: string, variant: ArtworkVariant) {
  const file = await findArtwork(ctx.deps.pool, fileId);
  if (file === undefined || !visibleTo(file, session)) throw new ActionError('ARTWORK_NOT_FOUND');
  if (file.status !== 'CLEAN' || isQuarantined(file.storage_key)) throw new ActionError('ARTWORK_NOT_CLEAN', { extensions: { status: file.status } });
  const key = keyOf(file, variant);
  const seconds = ctx.deps.config.artwork.downloadUrlSeconds;
  const url =
    variant === 'ORIGINAL'
      ? await ctx.deps.storage.presignDownload(key, file.file_name, seconds)
      : await ctx.deps.storage.presignDownload(key, previewName(file.file_name), seconds, 'inline');
  return { url, expiresAt: new Date(ctx.now.getTime() + seconds * 1000).toISOString() };
}
