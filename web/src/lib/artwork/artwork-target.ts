import type { ArtworkFilesQueryVariables } from '$lib/graphql/__generated__/graphql.ts';

/** What a file belongs to: an order or a quote of the signed-in customer's company. */
export type ArtworkTarget = { orderId: string } | { quoteId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The target named by `?orderId=` or `?quoteId=`, or null. */
export function targetFromSearch(params: URLSearchParams): ArtworkTarget | null {
  const orderId = params.get('orderId');
  const quoteId = params.get('quoteId');
  if (orderId && UUID.test(orderId) && !quoteId) return { orderId: orderId.toLowerCase() };
  if (quoteId && UUID.test(quoteId) && !orderId) return { quoteId: quoteId.toLowerCase() };
  return null;
}

/** The list's filter; the engine's row permission keeps it to the caller's company. */
export function artworkWhere(target: ArtworkTarget): ArtworkFilesQueryVariables['where'] {
  return 'orderId' in target ? { order_id: { _eq: target.orderId } } : { quote_id: { _eq: target.quoteId } };
}
