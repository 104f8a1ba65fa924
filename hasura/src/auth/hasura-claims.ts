import { EngineError } from '../errors/index.ts';
import { formatClaimsPath, lookupClaimsPath } from './claims-json-path.ts';
import type { ClaimsLocation, JwtConfig } from './jwt-config.ts';
import { jsonTypeName } from './jws.ts';
import { REGISTERED_CLAIMS } from './registered-claims.ts';

const ALLOWED_ROLES = 'x-hasura-allowed-roles';
const DEFAULT_ROLE = 'x-hasura-default-role';

/** The token's `x-hasura-*` claims (names lower-cased), before the role is chosen. */
export type HasuraClaims = Map<string, unknown>;

const invalidClaims = (message: string) => new EngineError('jwt-invalid-claims', message);

function locationText(location: ClaimsLocation): string {
  return location.kind === 'namespace' ? `claims_namespace ${location.namespace}` : `claims_namespace_path ${formatClaimsPath(location.path)}`;
}

function findClaims(unregistered: Record<string, unknown>, location: ClaimsLocation): unknown {
  const value = location.kind === 'namespace'
    ? (Object.hasOwn(unregistered, location.namespace) ? unregistered[location.namespace] : undefined)
    : lookupClaimsPath(unregistered, location.path);
  if (value !== undefined) return value;
  throw invalidClaims(location.kind === 'namespace'
    ? `claims key: '${location.namespace}' not found`
    : `claims not found at claims_namespace_path: '${formatClaimsPath(location.path)}'`);
}

function asClaimsObject(value: unknown, config: JwtConfig): Record<string, unknown> {
  let object = value;
  if (config.claimsFormat === 'stringified_json') {
    if (typeof value !== 'string') throw invalidClaims('expecting a string when claims_format is stringified_json');
    const notJson = invalidClaims(`expecting stringified json at: '${locationText(config.claims)}', but found: ${value}`);
    try {
      object = JSON.parse(value);
    } catch {
      throw notJson;
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) throw notJson;
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    throw invalidClaims('expecting a json object when claims_format is json');
  }
  return object as Record<string, unknown>;
}

/** Reads the `x-hasura-*` claims from where the JWT secret says they are. */
export function readHasuraClaims(payload: Record<string, unknown>, config: JwtConfig): HasuraClaims {
  const unregistered = Object.fromEntries(Object.entries(payload).filter(([name]) => !(REGISTERED_CLAIMS as readonly string[]).includes(name)));
  const claims = asClaimsObject(findClaims(unregistered, config.claims), config);
  return new Map(
    Object.entries(claims)
      .map(([name, value]) => [name.toLowerCase(), value] as const)
      .filter(([name]) => name.startsWith('x-hasura-')),
  );
}

function roleName(value: unknown, hint: string): string {
  if (typeof value !== 'string') throw invalidClaims(`${hint}: parsing String failed, expected String, but encountered ${jsonTypeName(value)}`);
  if (value === '') throw invalidClaims(`${hint}: empty string not allowed`);
  return value;
}

function requiredClaim(claims: HasuraClaims, name: string): unknown {
  if (!claims.has(name)) throw new EngineError('jwt-missing-role-claims', `JWT claim does not contain ${name}`);
  return claims.get(name);
}

/**
 * The role the request runs as: the `x-hasura-role` header when it is set, else the default role;
 * it must be one of the allowed roles.
 */
export function chooseRole(claims: HasuraClaims, requestedRole: string | undefined): string {
  const allowedValue = requiredClaim(claims, ALLOWED_ROLES);
  const allowedHint = `invalid ${ALLOWED_ROLES}; should be a list of roles`;
  if (!Array.isArray(allowedValue)) throw invalidClaims(`${allowedHint}: parsing [] failed, expected Array, but encountered ${jsonTypeName(allowedValue)}`);
  const allowed = allowedValue.map((value) => roleName(value, allowedHint));
  const defaultRole = roleName(requiredClaim(claims, DEFAULT_ROLE), `invalid ${DEFAULT_ROLE}; should be a single role name`);
  const role = requestedRole || defaultRole;
  if (!allowed.includes(role)) throw new EngineError('access-denied', 'Your requested role is not in allowed roles');
  return role;
}

/** The session variables a token grants: its other `x-hasura-*` claims, which must be strings. */
export function claimSessionVariables(claims: HasuraClaims): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of claims) {
    if (name === ALLOWED_ROLES || name === DEFAULT_ROLE) continue;
    if (typeof value !== 'string') {
      throw invalidClaims(`x-hasura-* claims: parsing Text failed, expected String, but encountered ${jsonTypeName(value)}`);
    }
    variables[name] = value;
  }
  return variables;
}
