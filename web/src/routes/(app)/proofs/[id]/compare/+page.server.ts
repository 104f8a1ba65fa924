import { error } from '@sveltejs/kit';
import { ProofDetailDocument } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '$lib/paraglide/messages.js';
import { compareTarget } from '$lib/proofs/proof-compare.ts';
import { pageCountOf, pageFromUrl } from '$lib/proofs/proof-view.ts';
import type { PageServerLoad } from './$types';

/** Two versions of one line, older on the left. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const ids = compareTarget(params.id, url);
  if (!ids) error(404, m.proofs_versions_not_found());
  const [{ proof: a }, { proof: b }] = await Promise.all([
    locals.api.query(ProofDetailDocument, { id: ids[0] }),
    locals.api.query(ProofDetailDocument, { id: ids[1] }),
  ]);
  if (!a || !b || !a.order_line.proofs.some((v) => v.id === b.id)) error(404, m.proofs_versions_not_found());
  const [left, right] = a.version < b.version ? [a, b] : [b, a];
  return { left, right, initialPage: pageFromUrl(url, Math.max(pageCountOf(left), pageCountOf(right))) };
};
