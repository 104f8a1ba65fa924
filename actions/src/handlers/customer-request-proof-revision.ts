import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { decideProof } from '../proofs/decide-proof.ts';
import { asProofActor, PROOF_DECIDERS } from '../proofs/proof-session.ts';
import { requiredText } from '../validation/input-fields.ts';

const input = z.object({ proofId: z.uuid(), revisionNotes: requiredText(2000) });

/** customerRequestProofRevision: ask for a new version, saying what to change. */
export const customerRequestProofRevision = defineAction('customerRequestProofRevision', input, (ctx, args) =>
  asProofActor(ctx, PROOF_DECIDERS, (tx, actor, scope) => decideProof(ctx, tx, actor, scope, args.proofId, 'REVISION_REQUESTED', args.revisionNotes)),
);
