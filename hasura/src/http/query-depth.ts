import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { EngineError } from '../errors/index.ts';

/** Introspection root fields: their depth is bounded by the schema, and GraphiQL needs them deep. */
const EXEMPT_ROOT_FIELDS = new Set(['__schema', '__type']);

class DepthCounter {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  /** Deepest field nesting below `set` (a field with no sub-selection counts 1). */
  depth(set: SelectionSetNode, root = false): number {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (root && EXEMPT_ROOT_FIELDS.has(selection.name.value)) continue;
        deepest = Math.max(deepest, 1 + (selection.selectionSet ? this.depth(selection.selectionSet) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, this.depth(selection.selectionSet, root));
      } else {
        deepest = Math.max(deepest, this.fragmentDepth(selection.name.value, root));
      }
    }
    return deepest;
  }

  // Memoised so fragments spread many times are counted once; cycles (invalid GraphQL, reported
  // by validation later) count as nothing here.
  private fragmentDepth(name: string, root: boolean): number {
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return 0;
    const key = `${root}:${name}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.visiting.add(name);
    const depth = this.depth(fragment.selectionSet, root);
    this.visiting.delete(name);
    this.memo.set(key, depth);
    return depth;
  }
}

export interface OperationInfo {
  /** The operation's name, when it has one. */
  name: string | undefined;
  depth: number;
}

function chooseOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const named = operationName ? operations.filter((operation) => operation.name?.value === operationName) : [];
  return named.length > 0 ? named : operations;
}

/**
 * The name and depth of the operation a request runs, or undefined when the query does not parse
 * (the engine then reports the syntax error in Hasura's words).
 */
export function inspectOperation(query: string, operationName: string | null | undefined): OperationInfo | undefined {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return undefined;
  }
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const counter = new DepthCounter(fragments);
  const operations = chooseOperation(document, operationName);
  const depth = Math.max(0, ...operations.map((operation) => counter.depth(operation.selectionSet, true)));
  return { name: operationName ?? (operations.length === 1 ? operations[0]!.name?.value : undefined), depth };
}

/** Refuses an operation nested deeper than `limit` (`PORTAL_ENGINE_MAX_QUERY_DEPTH`; 0 = no limit). */
export function checkQueryDepth(info: OperationInfo | undefined, limit: number): void {
  if (!info || limit === 0 || info.depth <= limit) return;
  throw new EngineError('validation-failed', `the query is nested ${info.depth} levels deep, more than the limit of ${limit}`);
}
