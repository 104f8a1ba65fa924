import { z } from 'zod';
import { USER_ROLES } from '@portal/common';
import { downloadUrl } from '../artwork/download-url.ts';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { defineAction } from '../http/define-action.ts';

const input = z.object({
  fileId: z.uuid(),
  variant: z.enum(['ORIGINAL', 'PREVIEW', 'THUMBNAIL']).nullish().transform((value) => value ?? 'ORIGINAL'),
});

/** artworkDownloadUrl: a short-lived link to a clean file or its preview, for its company and the tenant's staff. */
export const artworkDownloadUrl = defineAction('artworkDownloadUrl', input, async (ctx, args) => {
  const session = requireRole(ctx.session, USER_ROLES);
  await requireSessionUser(ctx.deps.pool, ctx.session);
  return downloadUrl(ctx, session, args.fileId, args.variant);
});
