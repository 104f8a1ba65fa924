import { z } from 'zod';
import { USER_ROLES } from '@portal/common';
import { defineAction } from '../http/define-action.ts';
import { resolveComment } from '../proofs/proof-comments.ts';
import { asProofActor } from '../proofs/proof-session.ts';

const input = z.object({ commentId: z.uuid(), resolved: z.boolean() });

/** proofResolveComment: mark a thread resolved, or reopen it. */
export const proofResolveComment = defineAction('proofResolveComment', input, (ctx, args) =>
  asProofActor(ctx, USER_ROLES, (tx, actor, scope) => resolveComment(ctx, tx, actor, scope, args.commentId, args.resolved)),
);
