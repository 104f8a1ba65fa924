import { USER_ROLES } from '@portal/common';
import type { IssuedSession } from '../session/session-types.ts';
import { m } from '../../paraglide/messages.js';
import { tokenApi } from './token-api.ts';

/**
 * Starts a session issued by sign-in in this request (cookie and memory) for the people who sign
 * in here: a customer company's users and the printer's staff. Any other role (an integrator
 * token, or a role added later without a place in the web) has its session ended at once and the
 * reason returned.
 */
export async function acceptSession(locals: App.Locals, session: IssuedSession): Promise<string | null> {
  if (!(USER_ROLES as readonly string[]).includes(session.user.role)) {
    await tokenApi(locals.anonymousApi).logout(session.refreshToken).catch(() => undefined);
    return m.auth_not_a_portal_account();
  }
  locals.session.begin(session);
  return null;
}
