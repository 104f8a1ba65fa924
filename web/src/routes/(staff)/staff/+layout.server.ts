import { requireUser } from '$lib/server/request-locals.ts';
import type { LayoutServerLoad } from './$types';

/**
 * Every page of the staff area. Customers never reach it (hooks.server.ts sends them to their own
 * dashboard before any load runs); signed-out visitors go to sign-in and come back.
 */
export const load: LayoutServerLoad = ({ locals, url }) => {
  requireUser(locals, url);
};
