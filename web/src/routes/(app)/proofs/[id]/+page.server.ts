import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ApproveProofDocument, ProofDetailDocument, RequestProofRevisionDocument, WithdrawProofDecisionDocument } from '$lib/graphql/__generated__/graphql.ts';
import { pageCountOf, pageFromUrl } from '$lib/proofs/proof-view.ts';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { addProofComment, resolveProofComment } from '$lib/server/proofs/proof-forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { mayDecide } from '$lib/user.ts';
import { isUuid } from '$lib/uuid.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'We could not find that proof. It may belong to another company, or the link may be wrong.';
const REASON = z.string().trim().min(1, 'Say what should change, in a few words.').max(2000, 'Keep it under 2,000 characters.');

function proofId(param: string): string {
  if (!isUuid(param)) error(404, NOT_FOUND);
  return param.toLowerCase();
}

/** Another company's proof is invisible to this session (the engine's row filter): "not found", revealing nothing. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const loadedAt = new Date().toISOString();
  const { proof } = await locals.api.query(ProofDetailDocument, { id: proofId(params.id) });
  if (!proof) error(404, NOT_FOUND);
  return { loadedAt, proof, canDecide: mayDecide(user.role), initialPage: pageFromUrl(url, pageCountOf(proof)) };
};

/** A decision's form: the text it needs is checked here for a quick answer, and again by the action server. */
function decisionText(form: FormData, name: string, decision: string): { ok: true; text: string } | { ok: false; failure: ReturnType<typeof fail> } {
  const parsed = REASON.safeParse(formText(form, name));
  if (parsed.success) return { ok: true, text: parsed.data };
  return { ok: false, failure: fail(400, { form: 'decision', decision, message: parsed.error.issues[0]!.message, code: 'INPUT' }) };
}

export const actions: Actions = {
  comment: addProofComment,
  resolve: resolveProofComment,
  approve: async ({ locals, params }) => {
    try {
      const { decision } = await locals.api.mutate(ApproveProofDocument, { proofId: proofId(params.id), withChanges: false, comments: null });
      return { form: 'decision', decided: decision.status };
    } catch (caught) {
      return apiFailure(caught, { form: 'decision', decision: 'approve' });
    }
  },
  approveWithChanges: async ({ locals, params, request }) => {
    const text = decisionText(await request.formData(), 'comments', 'approveWithChanges');
    if (!text.ok) return text.failure;
    try {
      const { decision } = await locals.api.mutate(ApproveProofDocument, { proofId: proofId(params.id), withChanges: true, comments: text.text });
      return { form: 'decision', decided: decision.status };
    } catch (caught) {
      return apiFailure(caught, { form: 'decision', decision: 'approveWithChanges' });
    }
  },
  revise: async ({ locals, params, request }) => {
    const text = decisionText(await request.formData(), 'revisionNotes', 'revise');
    if (!text.ok) return text.failure;
    try {
      const { decision } = await locals.api.mutate(RequestProofRevisionDocument, { proofId: proofId(params.id), revisionNotes: text.text });
      return { form: 'decision', decided: decision.status };
    } catch (caught) {
      return apiFailure(caught, { form: 'decision', decision: 'revise' });
    }
  },
  withdraw: async ({ locals, params, request }) => {
    const text = decisionText(await request.formData(), 'reason', 'withdraw');
    if (!text.ok) return text.failure;
    try {
      const { decision } = await locals.api.mutate(WithdrawProofDecisionDocument, { proofId: proofId(params.id), reason: text.text });
      return { form: 'decision', decided: decision.status };
    } catch (caught) {
      return apiFailure(caught, { form: 'decision', decision: 'withdraw' });
    }
  },
};
