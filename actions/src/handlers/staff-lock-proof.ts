import { z } from 'zod';
import { defineAction } from '../http/define-action.ts';
import { lockProof } from '../proofs/decide-proof.ts';
import { asProofActor, STAFF } from '../proofs/proof-session.ts';

const input = z.object({ proofId: z.uuid() });

/** staffLockProof: the current version's decision stands; it can no longer be withdrawn. */
export const staffLockProof = defineAction('staffLockProof', input, (ctx, args) =>
  asProofActor(ctx, STAFF, (tx, actor, scope) => lockProof(ctx, tx, actor, scope, args.proofId)),
);
