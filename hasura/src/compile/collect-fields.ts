import { GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getDirectiveValues, type FieldNode, type SelectionSetNode } from 'graphql';
import type { CompileContext } from './compile-context.ts';

function included(context: CompileContext, node: { directives?: readonly unknown[] }): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, context.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, context.variables);
  return include?.if !== false;
}

function collectInto(context: CompileContext, selectionSet: SelectionSetNode, fields: Map<string, FieldNode[]>, seen: Set<string>): void {
  for (const selection of selectionSet.selections) {
    if (!included(context, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      fields.set(key, [...(fields.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectInto(context, selection.selectionSet, fields, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.fragments[selection.name.value];
      if (fragment) collectInto(context, fragment.selectionSet, fields, seen);
    }
  }
}

/**
 * The fields of a selection set by response key, in order, with fragments expanded and
 * `@skip`/`@include` applied. Fields sharing a response key are merged (validation guarantees they
 * are the same field).
 */
export function collectFields(context: CompileContext, selectionSets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  for (const selectionSet of selectionSets) collectInto(context, selectionSet, fields, new Set());
  return fields;
}

/** The merged sub-selections of fields that share a response key. */
export function subSelections(nodes: FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}
