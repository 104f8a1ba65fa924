import { proofFileRedirect } from '$lib/server/proofs/proof-file.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import type { RequestHandler } from './$types';

/** The proof file itself, downloaded under its original name. */
export const GET: RequestHandler = ({ locals, url, params }) => {
  requireUser(locals, url);
  return proofFileRedirect(locals, params.id, null);
};
