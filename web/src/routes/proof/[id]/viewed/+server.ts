import { error, json } from '@sveltejs/kit';
import { ProofRecordViewDocument } from '$lib/graphql/__generated__/graphql.ts';
import { apiErrorResponse } from '$lib/server/json-api.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { isUuid } from '$lib/uuid.ts';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/**
 * The viewer posts here once it is on screen (not from the page's load, which link preloading and
 * live reloads also run), so "viewed" in the history means a person opened it.
 */
export const POST: RequestHandler = async ({ locals, url, params }) => {
  requireUser(locals, url);
  if (!isUuid(params.id)) error(404, m.proofs_not_found_short());
  try {
    const { view } = await locals.api.mutate(ProofRecordViewDocument, { proofId: params.id.toLowerCase() });
    return json(view);
  } catch (caught) {
    return apiErrorResponse(caught);
  }
};
