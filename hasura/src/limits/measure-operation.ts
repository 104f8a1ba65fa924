import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Introspection root fields: Hasura exempts them from depth limits, and GraphiQL needs them deep. */
const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

/**
 * What an operation adds up to, every fragment spread expanded where it is spread and every
 * alias counted.
 *
 * - `depth` and `nodes` are Hasura's API-limit measures: a node is a field with a selection set,
 *   and the depth is the deepest nesting of nodes (`{ viewer { name } }` is 1). Introspection
 *   root fields count as nodes but add no depth.
 * - `levels` and `fields` are the engine's own ceiling: every field counts, leaves included
 *   (`{ viewer { name } }` is 2 levels and 2 fields), introspection not at all.
 */
export interface OperationMeasure {
  depth: number;
  nodes: number;
  levels: number;
  fields: number;
}

const NOTHING: OperationMeasure = { depth: 0, nodes: 0, levels: 0, fields: 0 };

function combine(total: OperationMeasure, part: OperationMeasure): void {
  total.depth = Math.max(total.depth, part.depth);
  total.levels = Math.max(total.levels, part.levels);
  total.nodes += part.nodes;
  total.fields += part.fields;
}

class SelectionMeasurer {
  private readonly memo = new Map<string, OperationMeasure>();
  private readonly visiting = new Set<string>();

  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  measure(set: SelectionSetNode, root: boolean): OperationMeasure {
    const total = { ...NOTHING };
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) combine(total, this.measure(selection.selectionSet, root));
      else if (selection.kind === Kind.FRAGMENT_SPREAD) combine(total, this.spread(selection.name.value, root));
      else if (!selection.selectionSet) combine(total, { depth: 0, nodes: 0, levels: 1, fields: 1 });
      else {
        const below = this.measure(selection.selectionSet, false);
        if (root && INTROSPECTION_ROOT_FIELDS.has(selection.name.value)) combine(total, { ...NOTHING, nodes: 1 + below.nodes });
        else combine(total, { depth: 1 + below.depth, nodes: 1 + below.nodes, levels: 1 + below.levels, fields: 1 + below.fields });
      }
    }
    return total;
  }

  // Memoised, so a fragment spread many times (or a "fragment bomb" of fragments spreading each
  // other twice) is walked once while its count is still multiplied; an unknown fragment or a
  // cycle (invalid GraphQL that validation reports afterwards) counts as nothing here.
  private spread(name: string, root: boolean): OperationMeasure {
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return NOTHING;
    const key = `${root}:${name}`;
    const known = this.memo.get(key);
    if (known) return known;
    this.visiting.add(name);
    const measure = this.measure(fragment.selectionSet, root);
    this.visiting.delete(name);
    this.memo.set(key, measure);
    return measure;
  }
}

/** Measures one operation of a parsed document (before validation: the limits are checked first). */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationMeasure {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return new SelectionMeasurer(fragments).measure(operation.selectionSet, true);
}

/**
 * The operation a request runs, chosen as execution chooses it, or undefined when there is none
 * to choose (execution then reports that in Hasura's words).
 */
export function operationToRun(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}
