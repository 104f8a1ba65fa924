import { z } from 'zod';
import { CUSTOMER_ROLES } from '@portal/common';
import { confirmUpload } from '../artwork/confirm-upload.ts';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { defineAction } from '../http/define-action.ts';

const input = z.object({ fileId: z.uuid() });

/** customerConfirmArtworkUpload: the uploader says the file is in storage; the server checks what arrived. */
export const customerConfirmArtworkUpload = defineAction('customerConfirmArtworkUpload', input, async (ctx, args) => {
  const session = requireRole(ctx.session, CUSTOMER_ROLES);
  await requireSessionUser(ctx.deps.pool, ctx.session);
  return confirmUpload(ctx, session, args.fileId);
});
