import { getNamedType, isScalarType, Kind, typeFromAST, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { mapValues, sql, type SQL } from '../sql/index.ts';

/**
 * Multiplexing across variable values, as Hasura does: a scalar variable used as a value (not a
 * limit, flag or structure) becomes a reference into the cohort row's `variables`, so subscribers
 * that differ only in such values share one plan. The plan is compiled with a marker in place of
 * each such variable; every bound value that is exactly a marker becomes the row reference. A
 * marker found anywhere else (inside a JSON value, a list, a path) means the variable shaped the
 * statement, and the plan is compiled with the real values instead.
 */
const MARKER = '\u0000portal-variable:';

/** Scalars whose values only ever end up as compared or written values (not Int/Float/Boolean). */
const STRUCTURAL_SCALARS = new Set(['Int', 'Float', 'Boolean']);

/** The variables with each string-valued, non-structural scalar one replaced by its marker; `names` lists those. */
export function markVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): { marked: Record<string, unknown>; names: string[] } {
  const names: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never);
    const named = type && getNamedType(type);
    const isList = definition.type.kind === Kind.LIST_TYPE || (definition.type.kind === Kind.NON_NULL_TYPE && definition.type.type.kind === Kind.LIST_TYPE);
    const name = definition.variable.name.value;
    if (!isList && named && isScalarType(named) && !STRUCTURAL_SCALARS.has(named.name) && typeof variables[name] === 'string') names.push(name);
  }
  return { marked: { ...variables, ...Object.fromEntries(names.map((name) => [name, `${MARKER}${name}`])) }, names };
}

const containsMarker = (value: unknown) => value !== undefined && JSON.stringify(value)?.includes(MARKER) === true;

/**
 * The plan with each marked variable read from `alias`'s `variables` column (as text, cast where
 * the plan casts the value); null when a marker ended up anywhere but as a whole bound value.
 */
export function bindMarkedVariables(plan: SQL, alias: string): SQL | null {
  const bound = mapValues(plan, (value) =>
    typeof value === 'string' && value.startsWith(MARKER) ? sql`(${sql.ident(alias, 'variables')} ->> ${sql.literal(value.slice(MARKER.length))})` : undefined,
  );
  let leftover = false;
  mapValues(bound, (value) => {
    if (containsMarker(value)) leftover = true;
    return undefined;
  });
  return leftover ? null : bound;
}
