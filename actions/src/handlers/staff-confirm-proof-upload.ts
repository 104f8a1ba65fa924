import { z } from 'zod';
import { confirmUpload } from '../artwork/confirm-upload.ts';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { defineAction } from '../http/define-action.ts';
import { STAFF } from '../proofs/proof-session.ts';

const input = z.object({ fileId: z.uuid() });

/** staffConfirmProofUpload: the staff member's proof file is in storage; it is checked and then scanned. */
export const staffConfirmProofUpload = defineAction('staffConfirmProofUpload', input, async (ctx, args) => {
  const session = requireRole(ctx.session, STAFF);
  await requireSessionUser(ctx.deps.pool, ctx.session);
  return confirmUpload(ctx, session, args.fileId);
});
