import { equalTrees } from './equal.ts';
import { isObject, toPlain, type Tree, type TreeObject } from './tree.ts';

const MAX = 100;

export function short(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

const keyPath = (path: string, key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}['${key}']`);

function objectDifference(expected: TreeObject, actual: TreeObject, path: string): string {
  const actualKeys = new Map(actual.entries);
  for (const [key, value] of expected.entries) {
    if (!actualKeys.has(key)) return `${keyPath(path, key)}: missing (expected ${short(toPlain(value))})`;
  }
  const expectedKeys = new Map(expected.entries);
  const extra = actual.entries.find(([key]) => !expectedKeys.has(key));
  if (extra) return `${keyPath(path, extra[0])}: unexpected (got ${short(toPlain(extra[1]))})`;
  for (const [key, value] of expected.entries) {
    if (!equalTrees(value, actualKeys.get(key)!)) return difference(value, actualKeys.get(key)!, keyPath(path, key));
  }
  return `${path}: keys in order ${short(expected.entries.map(([k]) => k))}, got ${short(actual.entries.map(([k]) => k))}`;
}

/** The first place where two trees differ, as `path: what`, for one-line failure reports. */
export function difference(expected: Tree, actual: Tree, path = '$'): string {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const i = expected.findIndex((item, n) => n >= actual.length || !equalTrees(item, actual[n]!));
    if (i >= 0 && i < actual.length) return difference(expected[i]!, actual[i]!, `${path}[${i}]`);
    return `${path}: ${expected.length} items expected, got ${actual.length}`;
  }
  if (isObject(expected) && isObject(actual)) return objectDifference(expected, actual, path);
  return `${path}: expected ${short(toPlain(expected))}, got ${short(toPlain(actual))}`;
}
