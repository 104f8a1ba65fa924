import { z } from 'zod';
import { HASURA_CLAIMS_NAMESPACE } from '@portal/common';
import { parseClaimsPath, type ClaimsPath } from './claims-json-path.ts';
import { JWT_KEY_TYPES, parseJwtKey, type JwtKey, type JwtKeyType } from './jwt-keys.ts';
import type { ClaimsChecks } from './registered-claims.ts';

export type ClaimsLocation = { kind: 'namespace'; namespace: string } | { kind: 'path'; path: ClaimsPath };
export type TokenHeader = { type: 'Authorization' } | { type: 'Cookie'; name: string };

/** `HASURA_GRAPHQL_JWT_SECRET`, parsed and with its key ready for verification. */
export interface JwtConfig extends ClaimsChecks {
  type: JwtKeyType;
  key: JwtKey;
  claims: ClaimsLocation;
  claimsFormat: 'json' | 'stringified_json';
  header: TokenHeader;
}

// Keys Hasura does not know are ignored, as Hasura ignores them; keys it knows but this engine
// does not implement (jwk_url, claims_map) are refused below.
const secretSchema = z.object({
  type: z.string().optional(),
  key: z.string().optional(),
  jwk_url: z.string().optional(),
  claims_namespace: z.string().optional(),
  claims_namespace_path: z.string().optional(),
  claims_format: z.enum(['json', 'stringified_json']).default('json'),
  claims_map: z.unknown().optional(),
  audience: z.union([z.string(), z.array(z.string())]).optional(),
  issuer: z.string().optional(),
  allowed_skew: z.number().optional(),
  header: z.object({ type: z.string(), name: z.string().optional() }).optional(),
});
type SecretJson = z.infer<typeof secretSchema>;

function readKey(secret: SecretJson): { type: JwtKeyType; key: JwtKey } {
  if (secret.jwk_url !== undefined && secret.key !== undefined) throw new Error('key, jwk_url both cannot be present');
  if (secret.jwk_url !== undefined) throw new Error('unsupported: jwk_url is not supported by the development engine; configure type and key');
  if (secret.key === undefined) throw new Error('key and jwk_url both cannot be empty');
  if (secret.type === undefined) throw new Error('key "type" not found');
  const type = JWT_KEY_TYPES.find((candidate) => candidate === secret.type);
  if (!type) throw new Error(`Invalid JWK: Key type: ${secret.type} is not supported`);
  return { type, key: parseJwtKey(type, secret.key) };
}

function readClaimsLocation(secret: SecretJson): ClaimsLocation {
  if (secret.claims_map !== undefined) throw new Error('unsupported: claims_map is not supported by the development engine');
  if (secret.claims_namespace !== undefined && secret.claims_namespace_path !== undefined) {
    throw new Error('claims_namespace and claims_namespace_path both cannot be set');
  }
  if (secret.claims_namespace_path === undefined) return { kind: 'namespace', namespace: secret.claims_namespace ?? HASURA_CLAIMS_NAMESPACE };
  try {
    return { kind: 'path', path: parseClaimsPath(secret.claims_namespace_path) };
  } catch (error) {
    throw new Error(`invalid JSON path claims_namespace_path error: ${(error as Error).message}`);
  }
}

function readHeader(header: SecretJson['header']): TokenHeader {
  const type = header?.type.toLowerCase() ?? 'authorization';
  if (type === 'authorization') return { type: 'Authorization' };
  if (type !== 'cookie') throw new Error("expected 'type' is 'Authorization' or 'Cookie'");
  if (!header?.name) throw new Error('key "name" not found in header');
  return { type: 'Cookie', name: header.name };
}

/** Parses the JSON text of `HASURA_GRAPHQL_JWT_SECRET`; throws an Error naming the problem. */
export function parseJwtSecret(text: string): JwtConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON');
  }
  const parsed = secretSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  const secret = parsed.data;
  const audience = secret.audience === undefined ? undefined : ([] as string[]).concat(secret.audience);
  return {
    ...readKey(secret),
    claims: readClaimsLocation(secret),
    claimsFormat: secret.claims_format,
    header: readHeader(secret.header),
    audience,
    issuer: secret.issuer,
    allowedSkew: secret.allowed_skew ?? 0,
  };
}
