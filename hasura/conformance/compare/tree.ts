/**
 * JSON as Hasura's Python driver compares it: objects remember whether their key order counts
 * (an `OrderedDict`/`CommentedMap` whose order is part of the selection set) or not (a `dict`).
 */
export type Tree = null | boolean | number | string | Tree[] | TreeObject;

export interface TreeObject {
  kind: 'object';
  ordered: boolean;
  entries: Array<[string, Tree]>;
}

export function isObject(tree: Tree | undefined): tree is TreeObject {
  return typeof tree === 'object' && tree !== null && !Array.isArray(tree);
}

/** A parsed JSON/YAML value as a tree whose objects all keep (or all drop) their key order. */
export function toTree(value: unknown, ordered: boolean): Tree {
  if (Array.isArray(value)) return value.map((item) => toTree(item, ordered));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    return { kind: 'object', ordered, entries: Object.entries(value).map(([key, item]) => [key, toTree(item, ordered)]) };
  }
  if (typeof value === 'bigint') return Number(value);
  if (value === undefined) return null;
  return value as Tree;
}

/** Python's `json.loads(json.dumps(x))`: every object, however deep, forgets its key order. */
export function collapse(tree: Tree): Tree {
  if (Array.isArray(tree)) return tree.map(collapse);
  if (isObject(tree)) return { kind: 'object', ordered: false, entries: tree.entries.map(([key, item]) => [key, collapse(item)]) };
  return tree;
}

export function entry(tree: TreeObject, key: string): Tree | undefined {
  return tree.entries.find(([name]) => name === key)?.[1];
}

export function setEntry(tree: TreeObject, key: string, value: Tree): void {
  const found = tree.entries.find(([name]) => name === key);
  if (found) found[1] = value;
}

/** Python truthiness, for the driver's "is this an error response" test. */
export function truthy(tree: Tree | undefined): boolean {
  if (tree === undefined || tree === null || tree === false || tree === 0 || tree === '') return false;
  if (Array.isArray(tree)) return tree.length > 0;
  if (isObject(tree)) return tree.entries.length > 0;
  return true;
}

export function toPlain(tree: Tree): unknown {
  if (Array.isArray(tree)) return tree.map(toPlain);
  if (isObject(tree)) return Object.fromEntries(tree.entries.map(([key, item]) => [key, toPlain(item)]));
  return tree;
}
