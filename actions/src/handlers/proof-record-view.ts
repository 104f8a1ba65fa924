import { z } from 'zod';
import { USER_ROLES } from '@portal/common';
import { defineAction } from '../http/define-action.ts';
import { recordView } from '../proofs/proof-files.ts';
import { asProofActor } from '../proofs/proof-session.ts';

const input = z.object({ proofId: z.uuid() });

/** proofRecordView: the viewer page says who opened which version; the first view per person is kept. */
export const proofRecordView = defineAction('proofRecordView', input, (ctx, args) =>
  asProofActor(ctx, USER_ROLES, (tx, actor, scope) => recordView(ctx, tx, actor, scope, args.proofId)),
);
