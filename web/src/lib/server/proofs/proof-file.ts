import { error, redirect } from '@sveltejs/kit';
import { ProofFileUrlDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { ApiError } from '$lib/server/engine/api-error.ts';
import { isUuid } from '$lib/uuid.ts';

/**
 * A redirect to a short-lived presigned URL for one page preview (or, without a page, the proof
 * file), so an <img> can point at the portal and the browser never holds an engine token. The
 * engine decides who may see the proof: customers of its company and the tenant's staff.
 */
export async function proofFileRedirect(locals: App.Locals, proofId: string, page: number | null): Promise<never> {
  if (!isUuid(proofId)) error(404, m.proofs_not_found_short());
  let url: string;
  try {
    ({ file: { url } } = await locals.api.mutate(ProofFileUrlDocument, { proofId: proofId.toLowerCase(), page }));
  } catch (caught) {
    if (caught instanceof ApiError) error(caught.code === 'PROOF_NOT_FOUND' || caught.code === 'PROOF_NO_PREVIEW' ? 404 : 409, caught.message);
    throw caught;
  }
  redirect(303, url);
}
