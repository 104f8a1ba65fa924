import { z } from 'zod';
import { USER_ROLES } from '@portal/common';
import { requireRole, requireSessionUser } from '../auth/session-user.ts';
import { defineAction } from '../http/define-action.ts';
import { proofFileUrl as signProofFile } from '../proofs/proof-files.ts';
import { scopeOf } from '../proofs/proof-store.ts';

const input = z.object({
  proofId: z.uuid(),
  page: z.number().int().min(1).nullish().transform((value) => value ?? null),
});

/** proofFileUrl: a short-lived link to one page preview of a proof, or to the proof file. */
export const proofFileUrl = defineAction('proofFileUrl', input, async (ctx, args) => {
  requireRole(ctx.session, USER_ROLES);
  const user = await requireSessionUser(ctx.deps.pool, ctx.session);
  return signProofFile(ctx, scopeOf(user), args.proofId, args.page);
});
