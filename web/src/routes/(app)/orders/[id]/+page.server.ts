import { error } from '@sveltejs/kit';
import { OrderDetailDocument } from '$lib/graphql/__generated__/graphql.ts';
import { addressLines } from '$lib/shipping-address.ts';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'We could not find that order. It may belong to another company, or the link may be wrong.';

/**
 * Another company's order is invisible to this session (the engine's row filter), so it is "not
 * found" exactly like an order that does not exist: the answer reveals nothing about either.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  if (!UUID.test(params.id)) error(404, NOT_FOUND);
  const { order } = await locals.api.query(OrderDetailDocument, { id: params.id.toLowerCase() });
  if (!order) error(404, NOT_FOUND);
  const { shipping_address, ...rest } = order;
  return { order: { ...rest, shippingAddress: addressLines(shipping_address) } };
};
