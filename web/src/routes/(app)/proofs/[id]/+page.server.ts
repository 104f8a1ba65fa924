import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { ApproveProofDocument, ProofDetailDocument, RequestProofRevisionDocument, WithdrawProofDecisionDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { pageCountOf, pageFromUrl } from '$lib/proofs/proof-view.ts';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { addProofComment, resolveProofComment } from '$lib/server/proofs/proof-forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { mayDecide } from '$lib/user.ts';
import { isUuid } from '$lib/uuid.ts';
import type { Actions, PageServerLoad } from './$types';

/** Built per request: its messages are in the request's language. */
function reasonSchema() {
  return z.string().trim().min(1, { error: m.proofs_reason_missing }).max(2000, { error: m.proofs_reason_too_long });
}

function proofId(param: string): string {
  if (!isUuid(param)) error(404, m.proofs_not_found());
  return param.toLowerCase();
}

/** Another company's proof is invisible to this session (the engine's row filter): "not found", revealing nothing. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const loadedAt = new Date().toISOString();
  const { proof } = await locals.api.query(ProofDetailDocument, { id: proofId(params.id) });
  if (!proof) error(404, m.proofs_not_found());
  return { loadedAt, proof, canDecide: mayDecide(user.role), initialPage: pageFromUrl(url, pageCountOf(proof)) };
};

type Decide = (api: App.Locals['api'], proofId: string, text: string | null) => Promise<{ decision: { status: string } }>;

/**
 * One decision's form action. `textField` names the words it needs (checked here for a quick
 * answer, and again by the action server); the engine decides who may decide which proof.
 */
function decisionAction(decision: string, textField: string | null, decide: Decide) {
  return async ({ locals, params, request }: RequestEvent) => {
    const id = proofId(params.id!);
    let text: string | null = null;
    if (textField) {
      const parsed = reasonSchema().safeParse(formText(await request.formData(), textField));
      if (!parsed.success) return fail(400, { form: 'decision', decision, message: parsed.error.issues[0]!.message, code: 'INPUT' });
      text = parsed.data;
    }
    try {
      const result = await decide(locals.api, id, text);
      return { form: 'decision', decided: result.decision.status };
    } catch (caught) {
      return apiFailure(caught, { form: 'decision', decision });
    }
  };
}

export const actions: Actions = {
  comment: addProofComment,
  resolve: resolveProofComment,
  approve: decisionAction('approve', null, (api, id) => api.mutate(ApproveProofDocument, { proofId: id, withChanges: false, comments: null })),
  approveWithChanges: decisionAction('approveWithChanges', 'comments', (api, id, text) =>
    api.mutate(ApproveProofDocument, { proofId: id, withChanges: true, comments: text })),
  revise: decisionAction('revise', 'revisionNotes', (api, id, text) => api.mutate(RequestProofRevisionDocument, { proofId: id, revisionNotes: text! })),
  withdraw: decisionAction('withdraw', 'reason', (api, id, text) => api.mutate(WithdrawProofDecisionDocument, { proofId: id, reason: text! })),
};
