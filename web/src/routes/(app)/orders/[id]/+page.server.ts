import { error, redirect } from '@sveltejs/kit';
import { artworkWhere } from '$lib/artwork/artwork-target.ts';
import { ArtworkFilesDocument, OrderDetailDocument, OrderExtrasDocument, OrderProofsDocument, ReorderDocument } from '$lib/graphql/__generated__/graphql.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { messageFor } from '$lib/i18n/message-lookup.ts';
import { m } from '$lib/paraglide/messages.js';
import { addressLines } from '$lib/shipping-address.ts';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The notices a redirect here may ask for (`?approved`, `?reordered=1`). */
const NOTICES: Record<string, () => string> = {
  approved: m.orders_notice_approved,
  reordered: m.orders_notice_reordered,
};

/**
 * Another company's order is invisible to this session (the engine's row filter), so it is "not
 * found" exactly like an order that does not exist: the answer reveals nothing about either.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (!UUID.test(params.id)) error(404, m.orders_not_found());
  const id = params.id.toLowerCase();
  const loadedAt = new Date().toISOString();
  const [{ order }, { order: extras }, { files: artwork }, { proofs }] = await Promise.all([
    locals.api.query(OrderDetailDocument, { id }),
    locals.api.query(OrderExtrasDocument, { id }),
    locals.api.query(ArtworkFilesDocument, { where: artworkWhere({ orderId: id }) }),
    locals.api.query(OrderProofsDocument, { orderId: id }),
  ]);
  if (!order || !extras) error(404, m.orders_not_found());
  const { shipping_address, ...rest } = order;
  return { loadedAt, order: { ...rest, ...extras, shippingAddress: addressLines(shipping_address) }, artwork, proofs, notice: [...url.searchParams.keys()].map((key) => messageFor(NOTICES, key)).find(Boolean) ?? null };
};

export const actions: Actions = {
  /** A new order at today's prices, or a quote request when a line has no current price. */
  reorder: async ({ locals, params }) => {
    let target: string;
    try {
      const { reorder } = await locals.api.mutate(ReorderDocument, { orderId: params.id });
      target = reorder.kind === 'ORDER' ? `/orders/${reorder.orderId}?reordered=1` : `/quotes/${reorder.quoteId}?reorder=${reorder.unpricedLines}`;
    } catch (caught) {
      return apiFailure(caught, {});
    }
    redirect(303, target);
  },
};
