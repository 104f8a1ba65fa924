import type { BenchCustomer } from './bench-customers.ts';

export interface GraphQLCall {
  query: string;
  variables: Record<string, unknown>;
}

export interface SqlCall {
  text: string;
  values: unknown[];
}

/** A response's identity in a form all targets can be compared on (ids in order, or counts). */
export type Fingerprint = unknown[];

/**
 * One portal screen's read, in every target's own words: the portal's GraphQL for the engine (role
 * `customer_user`: the customer filter comes from the permission), PostGraphile's query shape (the
 * customer passed explicitly, since it applies no row filter), and SQL as one would write it by
 * hand, returning the engine's `data` object as JSON text in a column `data`, as the engine's does.
 */
export interface Scenario {
  name: string;
  engine(customer: BenchCustomer): GraphQLCall;
  postgraphile(customer: BenchCustomer): GraphQLCall;
  handSql(customer: BenchCustomer): SqlCall;
  engineFingerprint(data: unknown): Fingerprint;
  postgraphileFingerprint(data: unknown): Fingerprint;
}

/** Reads `path` of a JSON value, failing with the path when the shape is not as expected. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in current)) {
      throw new Error(`response has no ${path.join('.')}`);
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** `at(…)` for a value that must be an array. */
export function list(value: unknown, ...path: Array<string | number>): unknown[] {
  const found = at(value, ...path);
  if (!Array.isArray(found)) throw new Error(`response's ${path.join('.')} is not a list`);
  return found;
}
