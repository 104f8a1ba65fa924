import { error } from '@sveltejs/kit';
import { StaffProofDetailDocument } from '$lib/graphql/__generated__/staff.ts';
import { pageCountOf, pageFromUrl } from '$lib/proofs/proof-view.ts';
import { addProofComment, resolveProofComment } from '$lib/server/proofs/proof-forms.ts';
import { lockProofAction } from '$lib/server/proofs/staff-proof-forms.ts';
import { m } from '$lib/paraglide/messages.js';
import { isUuid } from '$lib/uuid.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (!isUuid(params.id)) error(404, m.staff_proof_not_found());
  const loadedAt = new Date().toISOString();
  const { proof } = await locals.api.query(StaffProofDetailDocument, { id: params.id.toLowerCase() });
  if (!proof) error(404, m.staff_proof_not_found());
  return { loadedAt, proof, initialPage: pageFromUrl(url, pageCountOf(proof)) };
};

/** Staff comment and resolve as customers do, and lock; decisions are the customer's. */
export const actions: Actions = {
  comment: addProofComment,
  resolve: resolveProofComment,
  lock: lockProofAction,
};
