import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { artworkWhere, targetFromSearch } from '$lib/artwork/artwork-target.ts';
import { ArtworkFilesDocument, RequestArtworkUploadDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiErrorResponse } from '$lib/server/json-api.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import type { RequestHandler } from './$types';

/** The files of one order or quote, for the panel's polling while files are being checked. */
export const GET: RequestHandler = async ({ locals, url }) => {
  requireUser(locals, url);
  const target = targetFromSearch(url.searchParams);
  if (!target) error(400, m.artwork_name_target());
  const { files } = await locals.api.query(ArtworkFilesDocument, { where: artworkWhere(target) });
  return json({ files });
};

const uploadRequest = z.object({
  fileName: z.string().min(1).max(255),
  fileSize: z.number().int().min(0),
  fileType: z.string().max(100),
  orderId: z.uuid().optional(),
  quoteId: z.uuid().optional(),
});

/** A presigned POST for one file: the browser then uploads straight to storage. */
export const POST: RequestHandler = async ({ locals, url, request }) => {
  requireUser(locals, url);
  const parsed = uploadRequest.safeParse(await request.json().catch(() => null));
  if (!parsed.success) error(400, m.artwork_upload_request_invalid());
  try {
    const { ticket } = await locals.api.mutate(RequestArtworkUploadDocument, { ...parsed.data, orderId: parsed.data.orderId ?? null, quoteId: parsed.data.quoteId ?? null });
    return json(ticket);
  } catch (caught) {
    return apiErrorResponse(caught);
  }
};
