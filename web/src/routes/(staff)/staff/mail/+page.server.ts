import { StaffUndeliveredMailDocument } from '$lib/graphql/__generated__/staff.ts';
import type { PageServerLoad } from './$types';

/** The most recent failures; older ones are rarely still actionable, and the total says how many there are. */
const LIMIT = 100;

export const load: PageServerLoad = async ({ locals }) => {
  const data = await locals.api.query(StaffUndeliveredMailDocument, { limit: LIMIT });
  return { mails: data.notifications, total: data.total.aggregate?.count ?? 0 };
};
