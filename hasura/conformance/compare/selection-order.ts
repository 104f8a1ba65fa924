import { Kind, parse, type SelectionSetNode } from 'graphql';
import { collapse, entry, isObject, setEntry, toTree, type Tree, type TreeObject } from './tree.ts';

/** Thrown where the Python driver hits an exception and falls back to comparing without order. */
class BailOut extends Error {}

/**
 * Puts the keys in the selection's order, when the selection names them all (the first definition
 * is not always the operation that runs; then the file's order stands).
 */
function reorder(node: TreeObject, selectionSet: SelectionSetNode): void {
  const rank = new Map(selectionSet.selections.map((selection, i) => [selection.kind === Kind.FIELD ? selection.name.value : '', i]));
  if (!node.entries.every(([key]) => rank.has(key))) return;
  node.entries = [...node.entries].sort((a, b) => rank.get(a[0])! - rank.get(b[0])!);
}

function walk(node: Tree | undefined, selectionSet: SelectionSetNode, expected: boolean): void {
  if (!isObject(node)) throw new BailOut();
  if (expected) reorder(node, selectionSet);
  for (const selection of selectionSet.selections) {
    // Fragments have no field name / no selection set in the driver's eyes: it bails out.
    if (selection.kind !== Kind.FIELD) throw new BailOut();
    const value = entry(node, selection.name.value);
    if (value === undefined) throw new BailOut();
    if (!selection.selectionSet || !(Array.isArray(value) || isObject(value))) setEntry(node, selection.name.value, collapse(value));
    else if (Array.isArray(value)) value.forEach((item) => walk(item, selection.selectionSet!, expected));
    else walk(value, selection.selectionSet, expected);
  }
}

function firstSelectionSet(request: unknown): SelectionSetNode | null {
  if (typeof request !== 'object' || request === null || Array.isArray(request) || !('query' in request)) return null;
  const query = (request as { query: unknown }).query;
  if (typeof query !== 'string') throw new BailOut();
  const first = parse(query).definitions[0];
  if (!first || !('selectionSet' in first) || !first.selectionSet) throw new BailOut();
  return first.selectionSet;
}

/**
 * Hasura's `collapse_order_not_selset`: key order is kept only for objects inside `data` that a
 * field of the request's first definition selects (matched by field name, not alias); leaves,
 * `errors` and the top level are unordered. Fragments, aliases, skipped fields, batches and
 * non-GraphQL requests make the driver give up on order altogether, and so does this.
 *
 * For the `expected` side, those objects are put in the selection's field order first: the rule
 * is that a response follows the query's order (the README's wording), and a few fixtures list
 * keys in another order (the driver would compare against the file's order and fail any correct
 * engine on them).
 */
export function prepare(value: unknown, request: unknown, options: { keepOrder?: boolean; expected?: boolean } = {}): Tree {
  const { keepOrder = true, expected = false } = options;
  const tree = toTree(value, keepOrder);
  try {
    const selectionSet = firstSelectionSet(request);
    if (!selectionSet || !isObject(tree)) return collapse(tree);
    const data = entry(tree, 'data');
    if (data !== undefined) walk(data, selectionSet, expected);
    const errors = entry(tree, 'errors');
    if (errors !== undefined) setEntry(tree, 'errors', collapse(errors));
    return { ...tree, ordered: false } satisfies TreeObject;
  } catch {
    return collapse(tree);
  }
}
