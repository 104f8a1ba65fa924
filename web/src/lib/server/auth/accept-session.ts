import { CUSTOMER_ROLES } from '@portal/common';
import type { IssuedSession } from '../session/session-types.ts';
import { tokenApi } from './token-api.ts';

export const NOT_A_CUSTOMER = 'This portal is for the printer’s customers; staff accounts cannot sign in here.';

/**
 * Starts a session issued by sign-in in this request (cookie and memory), unless the account is
 * not a customer's: then the session is ended again at once and the reason returned.
 */
export async function acceptSession(locals: App.Locals, session: IssuedSession): Promise<string | null> {
  if (!(CUSTOMER_ROLES as readonly string[]).includes(session.user.role)) {
    await tokenApi(locals.anonymousApi).logout(session.refreshToken).catch(() => undefined);
    return NOT_A_CUSTOMER;
  }
  locals.session.begin(session);
  return null;
}
