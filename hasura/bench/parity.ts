import { isDeepStrictEqual } from 'node:util';

/** The first place two JSON values differ, as `path: left ≠ right`; undefined when they are equal. */
export function firstDifference(left: unknown, right: unknown, path = '$'): string | undefined {
  if (isDeepStrictEqual(left, right)) return undefined;
  const bothObjects = left !== null && right !== null && typeof left === 'object' && typeof right === 'object';
  if (bothObjects && Array.isArray(left) === Array.isArray(right)) {
    const l = left as Record<string, unknown>;
    const r = right as Record<string, unknown>;
    for (const key of new Set([...Object.keys(l), ...Object.keys(r)])) {
      const found = firstDifference(l[key], r[key], Array.isArray(left) ? `${path}[${key}]` : `${path}.${key}`);
      if (found) return found;
    }
  }
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 120) ?? 'undefined';
  return `${path}: ${show(left)} ≠ ${show(right)}`;
}

/**
 * Fails the run when a target does not answer what the engine answers: a benchmark of targets that
 * return different data would compare nothing.
 */
export function expectSame(what: string, actual: unknown, expected: unknown): void {
  const difference = firstDifference(actual, expected);
  if (difference) throw new Error(`${what} does not answer what the engine answers (${difference})`);
}
