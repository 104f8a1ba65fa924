import { error, fail } from '@sveltejs/kit';
import { MoveOrderDocument, StaffOrderArtworkDocument, StaffOrderDetailDocument, StaffOrderProofsDocument } from '$lib/graphql/__generated__/staff.ts';
import { m } from '$lib/paraglide/messages.js';
import { apiFailure } from '$lib/server/forms.ts';
import { lockProofAction, publishProofAction } from '$lib/server/proofs/staff-proof-forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { addressLines } from '$lib/shipping-address.ts';
import { KNOWN_CARRIERS, moveOrderValues, parseMoveOrder, type MoveOrderField } from './move-order-form.ts';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type FieldErrors = Partial<Record<MoveOrderField, string>>;

function orderId(param: string): string {
  if (!UUID.test(param)) error(404, m.staff_order_not_found());
  return param.toLowerCase();
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const id = orderId(params.id);
  const [{ order }, { files: artwork }] = await Promise.all([
    locals.api.query(StaffOrderDetailDocument, { id }),
    locals.api.query(StaffOrderArtworkDocument, { orderId: id }),
  ]);
  if (!order) error(404, m.staff_order_not_found());
  const proofs = await locals.api.query(StaffOrderProofsDocument, { orderId: id, lineIds: order.lines.map((line) => line.id) });
  const published = new Set(proofs.published.map((proof) => proof.artwork_file_id));
  const { shipping_address, ...rest } = order;
  const timeZone = requireUser(locals, url).timezone;
  return {
    order: { ...rest, shippingAddress: addressLines(shipping_address) }, artwork, move: moveOrderValues(order, timeZone), carriers: KNOWN_CARRIERS,
    proofs: proofs.proofs,
    // Uploaded proof files not yet published, newest first: the line's next version to publish.
    proofFiles: proofs.files.filter((file) => !published.has(file.id)),
  };
};

export const actions: Actions = {
  publishProof: publishProofAction,
  lockProof: lockProofAction,
  /** Through the staff role's update permission; the status trigger records the move in the history. */
  move: async ({ request, locals, params, url }) => {
    const user = requireUser(locals, url);
    const id = orderId(params.id);
    const parsed = parseMoveOrder(await request.formData(), { timeZone: user.timezone, now: new Date() });
    if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors, message: m.staff_details_need_look(), code: 'INPUT' });
    try {
      const { order } = await locals.api.mutate(MoveOrderDocument, { id, set: parsed.set });
      if (!order) return fail(404, { values: parsed.values, errors: {} as FieldErrors, message: m.staff_order_not_found(), code: 'NOT_FOUND' });
      // The status code: the form words it in the page's language.
      return { moved: order.status };
    } catch (caught) {
      return apiFailure(caught, { values: parsed.values, errors: {} as FieldErrors });
    }
  },
};
