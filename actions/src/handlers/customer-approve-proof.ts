import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { decideProof } from '../proofs/decide-proof.ts';
import { asProofActor, PROOF_DECIDERS } from '../proofs/proof-session.ts';
import { optionalText } from '../validation/input-fields.ts';

const input = z
  .object({
    proofId: z.uuid(),
    withChanges: z.boolean().nullish().transform((value) => value ?? false),
    comments: optionalText(2000),
  })
  .refine((value) => !value.withChanges || value.comments !== null, { message: 'say which changes production must make', path: ['comments'] });

/** customerApproveProof: approve the current version, or approve it with changes the comments name. */
export const customerApproveProof = defineAction('customerApproveProof', input, (ctx, args) =>
  asProofActor(ctx, PROOF_DECIDERS, (tx, actor, scope) =>
    decideProof(ctx, tx, actor, scope, args.proofId, args.withChanges ? 'APPROVED_WITH_CHANGES' : 'APPROVED', args.comments),
  ),
);
