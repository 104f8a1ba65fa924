import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** Signing out changes state, so it is a POST (a form); a plain visit goes home. */
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ locals }) => {
    try {
      await locals.session.signOut();
    } catch (error) {
      // The cookie and the memory are cleared either way; the server-side session then expires on its own.
      locals.logger.warn({ err: error }, 'sign-out could not reach the action server');
    }
    redirect(303, '/sign-in?notice=signed-out');
  },
};
