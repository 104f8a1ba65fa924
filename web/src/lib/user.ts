/** The only user fields the browser receives (the root layout's data); never a token or an id used for authorisation. */
export interface PublicUser {
  firstName: string;
  lastName: string;
  email: string;
  role: string;
  customerName: string | null;
  tenantName: string;
  preferredLanguage: string;
  timezone: string;
  mfaEnabled: boolean;
}
