import type { PublicUser } from '../user.ts';
import type { SessionUser } from './session/session-types.ts';

/** Copies the whitelisted fields, so that adding a field to the session never sends it to the browser by accident. */
export function publicUser(user: SessionUser | null): PublicUser | null {
  if (!user) return null;
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    role: user.role,
    customerName: user.customerName,
    tenantName: user.tenantName,
    preferredLanguage: user.preferredLanguage,
    timezone: user.timezone,
    mfaEnabled: user.mfaEnabled,
  };
}
