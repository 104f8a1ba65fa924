import { z } from 'zod';
import type { HasuraMetadata } from '@portal/hasura-metadata';

/** One limit of `api_limits`: `global` for every role without a `per_role` entry of its own. */
export interface RoleLimit {
  global: number;
  perRole: ReadonlyMap<string, number>;
}

/**
 * The `api_limits` the engine enforces (Hasura Cloud / Enterprise semantics; see COMPAT.md).
 * `rate_limit` and `time_limit` are refused at load as unsupported (model/unsupported.ts).
 */
export interface ApiLimits {
  depth?: RoleLimit;
  nodes?: RoleLimit;
  batch?: RoleLimit;
}

/**
 * The engine's own ceiling on every operation, admin's included (`PORTAL_ENGINE_MAX_QUERY_DEPTH`
 * in levels, `PORTAL_ENGINE_MAX_QUERY_NODES` in fields; 0 = none). Real Hasura has no such thing.
 */
export interface EngineCeiling {
  maxQueryDepth: number;
  maxQueryNodes: number;
}

export const NO_CEILING: EngineCeiling = { maxQueryDepth: 0, maxQueryNodes: 0 };

/** Everything `limits/` checks an operation against; part of the engine's state. */
export interface OperationLimits {
  api: ApiLimits;
  ceiling: EngineCeiling;
}

// Hasura's schema: numbers from 0, `global` required, `per_role` optional; Hasura's own parser
// reads only these keys and ignores the rest.
const amount = z.number().min(0);
const limit = z.object({ global: amount, per_role: z.record(z.string(), amount).optional() });
const schema = z.object({
  disabled: z.boolean().optional(),
  depth_limit: limit.optional(),
  node_limit: limit.optional(),
  batch_limit: limit.optional(),
});

function roleLimit(value: z.infer<typeof limit> | undefined): RoleLimit | undefined {
  return value && { global: value.global, perRole: new Map(Object.entries(value.per_role ?? {})) };
}

/**
 * Reads the metadata's `api_limits`; `disabled: true` applies none of them, as in Hasura. Throws
 * on values Hasura's schema refuses (metadata from files was validated against it already).
 */
export function readApiLimits(metadata: Pick<HasuraMetadata, 'api_limits'>): ApiLimits {
  const parsed = schema.safeParse(metadata.api_limits ?? {});
  if (!parsed.success) throw new Error(`api_limits: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const value = parsed.data;
  if (value.disabled) return {};
  return { depth: roleLimit(value.depth_limit), nodes: roleLimit(value.node_limit), batch: roleLimit(value.batch_limit) };
}

/** The limit for a role: its `per_role` value, else `global`; none for admin, which Hasura exempts. */
export function limitFor(limit: RoleLimit | undefined, role: string): number | undefined {
  if (!limit || role === 'admin') return undefined;
  return limit.perRole.get(role) ?? limit.global;
}
