import type { HasuraRole } from './roles.ts';

/** Where Hasura reads the claims from (its default `claims_namespace`). */
export const HASURA_CLAIMS_NAMESPACE = 'https://hasura.io/jwt/claims';

/** The session variables the portal's permissions use, as Hasura names them (lower case). */
export const SESSION_VARIABLES = {
  role: 'x-hasura-role',
  userId: 'x-hasura-user-id',
  customerId: 'x-hasura-customer-id',
  tenantId: 'x-hasura-tenant-id',
} as const;

/** The Hasura claims object inside an access token. Values are strings, as Hasura requires. */
export interface HasuraClaims {
  'x-hasura-allowed-roles': HasuraRole[];
  'x-hasura-default-role': HasuraRole;
  'x-hasura-user-id': string;
  'x-hasura-tenant-id': string;
  /** Absent for staff and tenant-wide integrators. */
  'x-hasura-customer-id'?: string;
}

export interface AccessTokenPayload {
  sub: string;
  iat: number;
  exp: number;
  [HASURA_CLAIMS_NAMESPACE]: HasuraClaims;
}
