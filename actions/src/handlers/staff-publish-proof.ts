import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { asProofActor, STAFF } from '../proofs/proof-session.ts';
import { publishProof } from '../proofs/publish-proof.ts';
import { optionalText } from '../validation/input-fields.ts';

const input = z.object({ fileId: z.uuid(), notes: optionalText(2000) });

/** staffPublishProof: a clean proof file becomes the next version of its line's proof. */
export const staffPublishProof = defineAction('staffPublishProof', input, (ctx, args) =>
  asProofActor(ctx, STAFF, (tx, actor, scope) => publishProof(ctx, tx, actor, scope.tenantId, { fileId: args.fileId, notes: args.notes ?? '' })),
);
