import { error } from '@sveltejs/kit';
import { ProofDetailDocument } from '$lib/graphql/__generated__/graphql.ts';
import { proofHistoryCsv } from '$lib/proofs/proof-history-csv.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { isUuid } from '$lib/uuid.ts';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** A version's audit trail as a CSV download (the same rows the viewer's history shows). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  requireUser(locals, url);
  if (!isUuid(params.id)) error(404, m.proofs_not_found_short());
  // The viewer's query; staff may read every field it asks for, so one document serves both areas.
  const { proof } = await locals.api.query(ProofDetailDocument, { id: params.id.toLowerCase() });
  if (!proof) error(404, m.proofs_not_found_short());
  const name = `proof-${proof.order.order_number}-line-${proof.order_line.line_number}-v${proof.version}-history.csv`.replace(/[^\w.-]/g, '_');
  return new Response(proofHistoryCsv(proof.version, proof.events), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
  });
};
