import { publicUser } from '$lib/server/public-user.ts';
import type { LayoutServerLoad } from './$types';

/** Only whitelisted user fields reach the browser; tokens never leave the server. */
export const load: LayoutServerLoad = ({ locals }) => ({ user: publicUser(locals.session.user) });
