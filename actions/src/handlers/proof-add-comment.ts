import { z } from 'zod';
import { USER_ROLES } from '@portal/common';
import { defineAction } from '../http/define-action.ts';
import { addComment, type CommentInput } from '../proofs/proof-comments.ts';
import { asProofActor } from '../proofs/proof-session.ts';
import { requiredText } from '../validation/input-fields.ts';

const fraction = z.number().min(0).max(1);

const input = z
  .object({
    proofId: z.uuid(),
    body: requiredText(4000),
    page: z.number().int().min(1).nullish().transform((value) => value ?? null),
    x: fraction.nullish().transform((value) => value ?? null),
    y: fraction.nullish().transform((value) => value ?? null),
    parentId: z.uuid().nullish().transform((value) => value ?? null),
  })
  .refine((value) => (value.x === null) === (value.y === null), { message: 'give both x and y, or neither', path: ['y'] })
  .refine((value) => value.parentId !== null || value.page !== null, { message: 'a new comment names its page', path: ['page'] })
  .refine((value) => value.parentId === null || (value.page === null && value.x === null), { message: 'a reply belongs to its thread; give no page or point', path: ['page'] })
  .transform((value): CommentInput =>
    value.parentId === null
      ? { proofId: value.proofId, body: value.body, parentId: null, page: value.page!, point: value.x === null ? null : { x: value.x, y: value.y! } }
      : { proofId: value.proofId, body: value.body, parentId: value.parentId, page: null, point: null },
  );

/** proofAddComment: staff and the customer's people comment on the current version, pinned to a page and point. */
export const proofAddComment = defineAction('proofAddComment', input, (ctx, args) =>
  asProofActor(ctx, USER_ROLES, (tx, actor, scope) => addComment(ctx, tx, actor, scope, args)),
);
