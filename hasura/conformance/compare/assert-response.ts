import { difference } from './difference.ts';
import { equalTrees } from './equal.ts';
import { prepare } from './selection-order.ts';
import { entry, isObject, truthy, type Tree } from './tree.ts';

/** `numbersAsStrings`: the response would match if the engine stringified numbers as Hasura's suite configures it. */
export type Verdict = { ok: true; note?: string } | { ok: false; reason: string; numbersAsStrings?: boolean };

export type Headers = Record<string, string>;

const isError = (tree: Tree) => isObject(tree) && (truthy(entry(tree, 'error')) || truthy(entry(tree, 'errors')));
const asList = (tree: Tree): Tree[] => (Array.isArray(tree) ? tree : [tree]);

/** `resp_headers` must be a subset of the actual headers (names case-insensitive, values exact). */
function headersDifference(expected: Record<string, unknown> | undefined, actual: Headers): string | null {
  for (const [name, value] of Object.entries(expected ?? {})) {
    const got = actual[name.toLowerCase()];
    if (got !== String(value)) return `header ${name}: expected ${JSON.stringify(String(value))}, got ${JSON.stringify(got ?? null)}`;
  }
  return null;
}

/**
 * Hasura's `assert_graphql_resp_expected`: equal after the selection-order rule, else each
 * element (of a batch, or the single response) is compared on its own, and an element that is an
 * error on both sides passes with a warning whatever its text — error bodies are not enforced.
 */
export function assertResponse(actual: unknown, expected: unknown, request: unknown, actualHeaders: Headers, expectedHeaders?: Record<string, unknown>): Verdict {
  const got = prepare(actual, request);
  const want = prepare(expected, request, { expected: true });
  const headers = headersDifference(expectedHeaders, actualHeaders);
  if (equalTrees(got, want) && !headers) return { ok: true };
  const gotList = asList(got);
  for (const [i, wanted] of asList(want).entries()) {
    if (i >= gotList.length) break;
    if (equalTrees(wanted, gotList[i]!)) continue;
    if (isError(wanted) && isError(gotList[i]!)) return { ok: true, note: 'error body differs (not enforced)' };
    const reason = `response differs: ${difference(wanted, gotList[i]!, Array.isArray(want) ? `$[${i}]` : '$')}`;
    return { ok: false, reason, numbersAsStrings: !headers && equalTrees(got, want, { numbersAsStrings: true }) };
  }
  return headers ? { ok: false, reason: headers } : { ok: true };
}

/**
 * `allowed_responses`: the response must match one alternative (compared without key order, as
 * the driver round-trips them through JSON); an error-vs-error mismatch does not count as a match.
 */
export function assertAllowed(actual: unknown, alternatives: unknown, request: unknown, actualHeaders: Headers): Verdict {
  if (!Array.isArray(alternatives) || alternatives.length === 0) return { ok: false, reason: 'allowed_responses is not a non-empty list' };
  const got = prepare(actual, request);
  for (const alternative of alternatives as Array<{ response?: unknown; resp_headers?: Record<string, unknown> }>) {
    const want = prepare(alternative.response, request, { keepOrder: false, expected: true });
    const headersOk = !headersDifference(alternative.resp_headers, actualHeaders);
    if (equalTrees(got, want) && headersOk) return { ok: true };
    const [first, firstGot] = [asList(want)[0], asList(got)[0]];
    if (first === undefined || firstGot === undefined) continue;
    const matched = equalTrees(first, firstGot);
    if (!(isError(first) && isError(firstGot)) && matched) return { ok: true };
  }
  return { ok: false, reason: `response matches none of the ${alternatives.length} allowed responses` };
}
