import { homePath, isStaffRole } from '../user.ts';

/** The route groups that belong to one kind of account: the customers' pages and the staff area. */
const CUSTOMER_AREA = '/(app)';
const STAFF_AREA = '/(staff)';

function inGroup(routeId: string, group: string): boolean {
  return routeId === group || routeId.startsWith(`${group}/`);
}

/**
 * Where to send a signed-in person who opened a page of the other area, or null to let the page
 * load. Checked in hooks.server.ts before any load runs, because SvelteKit runs a page's load
 * alongside its layout's, so a layout guard alone would still run the page's queries. Staff go to
 * /staff; customers go to their dashboard (the engine would refuse staff queries anyway, as their
 * role has other permissions). Signed-out visitors are left to the pages, which send them to sign-in.
 */
export function wrongAreaRedirect(routeId: string | null, role: string | null): string | null {
  if (!routeId || role === null) return null;
  const staff = isStaffRole(role);
  if (staff && inGroup(routeId, CUSTOMER_AREA)) return homePath(role);
  if (!staff && inGroup(routeId, STAFF_AREA)) return homePath(role);
  return null;
}
