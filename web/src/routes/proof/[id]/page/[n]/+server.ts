import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { proofFileRedirect } from '$lib/server/proofs/proof-file.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import type { RequestHandler } from './$types';

/** One page preview of a proof (PNG), for the viewer's <img>. */
export const GET: RequestHandler = ({ locals, url, params }) => {
  requireUser(locals, url);
  if (!/^[1-9]\d{0,3}$/.test(params.n)) error(404, m.proofs_no_such_page());
  return proofFileRedirect(locals, params.id, Number(params.n));
};
