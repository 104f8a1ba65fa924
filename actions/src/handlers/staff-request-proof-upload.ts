import { z } from 'zod';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { defineAction } from '../http/define-action.ts';
import { requestProofUpload } from '../proofs/proof-files.ts';
import { STAFF } from '../proofs/proof-session.ts';

const input = z.object({
  orderLineId: z.uuid(),
  fileName: z.string().trim().min(1).max(255).regex(/^[^/\\\u0000-\u001f]+$/, 'must be a file name without folders'),
  fileSize: z.number().int().min(1),
  fileType: z.string().max(100),
});

/** staffRequestProofUpload: a presigned POST for a proof file of one order line of the tenant. */
export const staffRequestProofUpload = defineAction('staffRequestProofUpload', input, async (ctx, args) => {
  const session = requireRole(ctx.session, STAFF);
  await requireSessionUser(ctx.deps.pool, ctx.session);
  return requestProofUpload(ctx, session, args.orderLineId, args);
});
