import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { withdrawDecision } from '../proofs/decide-proof.ts';
import { asProofActor, PROOF_DECIDERS } from '../proofs/proof-session.ts';
import { requiredText } from '../validation/input-fields.ts';

const input = z.object({ proofId: z.uuid(), reason: requiredText(2000) });

/** customerWithdrawProofDecision: take a decision back while the proof is not locked. */
export const customerWithdrawProofDecision = defineAction('customerWithdrawProofDecision', input, (ctx, args) =>
  asProofActor(ctx, PROOF_DECIDERS, (tx, actor, scope) => withdrawDecision(ctx, tx, actor, scope, args.proofId, args.reason)),
);
