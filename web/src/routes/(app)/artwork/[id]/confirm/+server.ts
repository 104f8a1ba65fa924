import { json } from '@sveltejs/kit';
import { ConfirmArtworkUploadDocument } from '$lib/graphql/__generated__/graphql.ts';
import { apiErrorResponse } from '$lib/server/json-api.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import type { RequestHandler } from './$types';

/** The browser says the upload finished; the action server checks what arrived. */
export const POST: RequestHandler = async ({ locals, url, params }) => {
  requireUser(locals, url);
  try {
    const { state } = await locals.api.mutate(ConfirmArtworkUploadDocument, { fileId: params.id });
    return json(state);
  } catch (caught) {
    return apiErrorResponse(caught);
  }
};
