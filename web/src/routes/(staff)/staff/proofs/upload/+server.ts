import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { StaffRequestProofUploadDocument } from '$lib/graphql/__generated__/staff.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiErrorResponse } from '$lib/server/json-api.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import type { RequestHandler } from './$types';

const uploadRequest = z.object({
  orderLineId: z.uuid(),
  fileName: z.string().min(1).max(255),
  fileSize: z.number().int().min(0),
  fileType: z.string().max(100),
});

/** A presigned POST for a proof file of one order line: the browser then uploads straight to storage. */
export const POST: RequestHandler = async ({ locals, url, request }) => {
  requireUser(locals, url);
  const parsed = uploadRequest.safeParse(await request.json().catch(() => null));
  if (!parsed.success) error(400, m.artwork_upload_request_invalid());
  try {
    const { ticket } = await locals.api.mutate(StaffRequestProofUploadDocument, parsed.data);
    return json(ticket);
  } catch (caught) {
    return apiErrorResponse(caught);
  }
};
