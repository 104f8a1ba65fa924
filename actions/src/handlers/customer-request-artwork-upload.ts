import { z } from 'zod';
import { CUSTOMER_ROLES } from '@portal/common';
import { requestUpload } from '../artwork/request-upload.ts';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { defineAction } from '../http/define-action.ts';

const input = z
  .object({
    fileName: z.string().trim().min(1).max(255).regex(/^[^/\\\u0000-\u001f]+$/, 'must be a file name without folders'),
    fileSize: z.number().int().min(1),
    fileType: z.string().max(100),
    quoteId: z.uuid().nullish().transform((value) => value ?? null),
    orderId: z.uuid().nullish().transform((value) => value ?? null),
  })
  .refine((value) => (value.quoteId === null) !== (value.orderId === null), { message: 'give exactly one of quoteId and orderId', path: ['orderId'] });

/** customerRequestArtworkUpload: a presigned POST for one print file of an order or quote of the caller's company. */
export const customerRequestArtworkUpload = defineAction('customerRequestArtworkUpload', input, async (ctx, args) => {
  const session = requireRole(ctx.session, CUSTOMER_ROLES);
  await requireSessionUser(ctx.deps.pool, ctx.session);
  return requestUpload(ctx, session, args);
});
