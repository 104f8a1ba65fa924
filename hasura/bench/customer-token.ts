import { createHmac, randomBytes } from 'node:crypto';
import { allowedRolesFor, HASURA_CLAIMS_NAMESPACE, type HasuraClaims } from '@portal/common';
import type { BenchCustomer } from './bench-customers.ts';

/** A fresh HS256 key for one run, in `HASURA_GRAPHQL_JWT_SECRET`'s JSON format. */
export function benchJwtSecret(): { json: string; key: string } {
  const key = randomBytes(32).toString('hex');
  return { json: JSON.stringify({ type: 'HS256', key }), key };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An access token shaped like the action server's for a `customer_user` of `customer` (claims under
 * Hasura's default namespace), valid for an hour: every engine request pays for its verification,
 * as the portal's requests do.
 */
export function customerUserToken(customer: BenchCustomer, key: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: HasuraClaims = {
    'x-hasura-allowed-roles': allowedRolesFor('customer_user'),
    'x-hasura-default-role': 'customer_user',
    'x-hasura-user-id': customer.userId,
    'x-hasura-tenant-id': customer.tenantId,
    'x-hasura-customer-id': customer.customerId,
  };
  const payload = { sub: customer.userId, iat: now, exp: now + 3600, [HASURA_CLAIMS_NAMESPACE]: claims };
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/** An access token like the one `integratorToken` issues for a tenant-wide integrator client, valid for an hour. */
export function integratorUserToken(clientId: string, tenantId: string, key: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { 'x-hasura-allowed-roles': ['integrator'], 'x-hasura-default-role': 'integrator', 'x-hasura-user-id': clientId, 'x-hasura-tenant-id': tenantId };
  const payload = { sub: clientId, iat: now, exp: now + 3600, [HASURA_CLAIMS_NAMESPACE]: claims };
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}
