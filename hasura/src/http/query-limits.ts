import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { EngineError } from '../errors/index.ts';

/** Introspection root fields: their depth is bounded by the schema, and GraphiQL needs them deep. */
const EXEMPT_ROOT_FIELDS = new Set(['__schema', '__type']);

/** What a selection set adds up to: its deepest nesting and its number of fields. */
interface Measure {
  depth: number;
  nodes: number;
}

class SelectionCounter {
  private readonly memo = new Map<string, Measure>();
  private readonly visiting = new Set<string>();

  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  /**
   * Deepest field nesting below `set` (a field with no sub-selection counts 1) and every field
   * below it, aliases and each spread of a fragment included (each is compiled on its own).
   */
  measure(set: SelectionSetNode, root = false): Measure {
    const total: Measure = { depth: 0, nodes: 0 };
    for (const selection of set.selections) {
      let part: Measure;
      if (selection.kind === Kind.FIELD) {
        if (root && EXEMPT_ROOT_FIELDS.has(selection.name.value)) continue;
        const below = selection.selectionSet ? this.measure(selection.selectionSet) : { depth: 0, nodes: 0 };
        part = { depth: 1 + below.depth, nodes: 1 + below.nodes };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        part = this.measure(selection.selectionSet, root);
      } else {
        part = this.fragmentMeasure(selection.name.value, root);
      }
      total.depth = Math.max(total.depth, part.depth);
      total.nodes += part.nodes;
    }
    return total;
  }

  // Memoised so a fragment spread many times is walked once; cycles (invalid GraphQL, reported
  // by validation later) count as nothing here.
  private fragmentMeasure(name: string, root: boolean): Measure {
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return { depth: 0, nodes: 0 };
    const key = `${root}:${name}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.visiting.add(name);
    const measure = this.measure(fragment.selectionSet, root);
    this.visiting.delete(name);
    this.memo.set(key, measure);
    return measure;
  }
}

export interface OperationInfo {
  /** The operation's name, when it has one. */
  name: string | undefined;
  depth: number;
  /** Fields selected, counting every alias and every spread of a fragment. */
  nodes: number;
}

function chooseOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const named = operationName ? operations.filter((operation) => operation.name?.value === operationName) : [];
  return named.length > 0 ? named : operations;
}

/**
 * The name, depth and size of the operation a request runs, or undefined when the query does not parse
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
  const counter = new SelectionCounter(fragments);
  const operations = chooseOperation(document, operationName);
  const measures = operations.map((operation) => counter.measure(operation.selectionSet, true));
  const depth = Math.max(0, ...measures.map((measure) => measure.depth));
  const nodes = Math.max(0, ...measures.map((measure) => measure.nodes));
  return { name: operationName ?? (operations.length === 1 ? operations[0]!.name?.value : undefined), depth, nodes };
}

/** Refuses an operation nested deeper than `limit` (`PORTAL_ENGINE_MAX_QUERY_DEPTH`; 0 = no limit). */
export function checkQueryDepth(info: OperationInfo | undefined, limit: number): void {
  if (!info || limit === 0 || info.depth <= limit) return;
  throw new EngineError('validation-failed', `the query is nested ${info.depth} levels deep, more than the limit of ${limit}`);
}

/**
 * Refuses an operation selecting more than `limit` fields (`PORTAL_ENGINE_MAX_QUERY_NODES`; 0 = no
 * limit), like the node limit of Hasura's API limits: each field becomes SQL, so a few hundred
 * aliased copies of a relationship cost the database as much as a few hundred queries.
 */
export function checkQueryNodes(info: OperationInfo | undefined, limit: number): void {
  if (!info || limit === 0 || info.nodes <= limit) return;
  throw new EngineError('validation-failed', `the query selects ${info.nodes} fields, more than the limit of ${limit}`);
}
