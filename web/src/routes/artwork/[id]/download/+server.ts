import { error, redirect } from '@sveltejs/kit';
import { ArtworkDownloadUrlDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { ApiError } from '$lib/server/engine/api-error.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import type { RequestHandler } from './$types';

const VARIANTS = new Set(['ORIGINAL', 'PREVIEW', 'THUMBNAIL'] as const);
type Variant = 'ORIGINAL' | 'PREVIEW' | 'THUMBNAIL';

/**
 * A clean file, its preview or thumbnail, for customers of its company and the tenant's staff:
 * a redirect to a short-lived presigned URL, so the browser never holds an engine token and an
 * <img> can point here.
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const asked = url.searchParams.get('variant') ?? 'ORIGINAL';
  if (!VARIANTS.has(asked as Variant)) error(400, m.artwork_unknown_variant());
  try {
    const { download } = await locals.api.mutate(ArtworkDownloadUrlDocument, { fileId: params.id, variant: asked as Variant });
    redirect(303, download.url);
  } catch (caught) {
    if (caught instanceof ApiError) error(caught.code === 'ARTWORK_NOT_FOUND' || caught.code === 'ARTWORK_NO_PREVIEW' ? 404 : 409, caught.message);
    throw caught;
  }
};
