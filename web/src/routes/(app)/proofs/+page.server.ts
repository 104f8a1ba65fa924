import { ProofsListDocument, type Proofs_Bool_Exp } from '$lib/graphql/__generated__/graphql.ts';
import type { PageServerLoad } from './$types';

/** "To review" (current versions awaiting a decision) or every current version (?show=all). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const showAll = url.searchParams.get('show') === 'all';
  const where: Proofs_Bool_Exp = { superseded_at: { _is_null: true }, ...(showAll ? {} : { status: { _eq: 'PENDING_REVIEW' } }) };
  const loadedAt = new Date().toISOString();
  const { proofs } = await locals.api.query(ProofsListDocument, { where });
  return { loadedAt, proofs, showAll };
};
