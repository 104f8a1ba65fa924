import { isObject, type Tree } from './tree.ts';

const byKey = (a: [string, Tree], b: [string, Tree]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export interface EqualOptions {
  /**
   * Also count a number equal to a string holding the same number: how a response compares when
   * Hasura's `HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES` is the only difference.
   */
  numbersAsStrings?: boolean;
}

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Python's `==` on scalars: numbers (and booleans, which are ints) by value; others exactly. */
function scalarEqual(a: Tree, b: Tree, options: EqualOptions): boolean {
  const numeric = (value: Tree) => typeof value === 'number' || typeof value === 'boolean';
  if (numeric(a) && numeric(b)) return Number(a) === Number(b);
  if (options.numbersAsStrings) {
    const [text, number] = typeof a === 'string' ? [a, b] : [b, a];
    if (typeof text === 'string' && typeof number === 'number' && NUMBER_TEXT.test(text)) return Number(text) === number;
  }
  return a === b;
}

/**
 * The driver's `equal_CommentedMap`: arrays in order and of equal length; objects in key order
 * when both sides keep order, otherwise as sorted key lists; scalars with Python's equality.
 */
export function equalTrees(a: Tree, b: Tree, options: EqualOptions = {}): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => equalTrees(item, b[i]!, options));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b) || a.entries.length !== b.entries.length) return false;
    const ordered = a.ordered && b.ordered;
    const left = ordered ? a.entries : [...a.entries].sort(byKey);
    const right = ordered ? b.entries : [...b.entries].sort(byKey);
    return left.every(([key, value], i) => key === right[i]![0] && equalTrees(value, right[i]![1], options));
  }
  return scalarEqual(a, b, options);
}
