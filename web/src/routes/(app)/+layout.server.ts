import { requireUser } from '$lib/server/request-locals.ts';
import type { LayoutServerLoad } from './$types';

/**
 * Every page of the customers' signed-in area (staff are sent to /staff by hooks.server.ts before
 * this runs); each page's own queries also redirect when the session ends mid-way.
 */
export const load: LayoutServerLoad = ({ locals, url }) => {
  requireUser(locals, url);
};
