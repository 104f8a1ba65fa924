import { error, json } from '@sveltejs/kit';
import { StaffConfirmProofUploadDocument } from '$lib/graphql/__generated__/staff.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiErrorResponse } from '$lib/server/json-api.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { isUuid } from '$lib/uuid.ts';
import type { RequestHandler } from './$types';

/** The proof file reached storage; the action server checks it and starts the scan. */
export const POST: RequestHandler = async ({ locals, url, params }) => {
  requireUser(locals, url);
  if (!isUuid(params.id)) error(404, m.staff_no_such_file());
  try {
    const { state } = await locals.api.mutate(StaffConfirmProofUploadDocument, { fileId: params.id.toLowerCase() });
    return json(state);
  } catch (caught) {
    return apiErrorResponse(caught);
  }
};
