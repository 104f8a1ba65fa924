import type { FieldNode, GraphQLField, GraphQLObjectType } from 'graphql';
import { EngineError } from '../errors/index.ts';
import type { TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { columnByField, joinCondition, permissionFilter } from './bool-exp.ts';
import { collectFields, subSelections } from './collect-fields.ts';
import type { CompileContext } from './compile-context.ts';
import { aggregateObject } from './aggregate.ts';
import { argumentsOf } from './arguments.ts';
import { jsonPathElements } from './json-path.ts';
import { rowSource, type SelectArguments } from './row-source.ts';

/** The GraphQL object type of a table in the role's schema. */
export function objectTypeOf(context: CompileContext, table: TableInfo): GraphQLObjectType {
  return context.roleSchema.schema.getType(table.baseName) as GraphQLObjectType;
}

function columnExpression(context: CompileContext, table: TableInfo, alias: string, field: string, node: FieldNode, definition: GraphQLField<unknown, unknown>): SQL {
  const column = columnByField(table, field, 'graphql')!;
  const value = sql.ident(alias, column.name);
  const { path } = argumentsOf(context, definition, node) as { path?: string | null };
  return path ? sql`(${value} #> (${sql.value(jsonPathElements(path))})::text[])` : value;
}

function relationshipExpression(context: CompileContext, table: TableInfo, alias: string, field: string, nodes: FieldNode[], definition: GraphQLField<unknown, unknown>): SQL {
  const isAggregate = !table.relationships.has(field) && field.endsWith('_aggregate');
  const relationship = table.relationships.get(isAggregate ? field.slice(0, -'_aggregate'.length) : field)!;
  const target = context.model.tables.get(relationship.target)!;
  const join = (inner: string) => joinCondition(relationship.mapping, alias, inner);
  if (isAggregate) return compileAggregateSelection(context, target, argumentsOf(context, definition, nodes[0]!), nodes, join);
  if (relationship.kind === 'array') return compileList(context, target, argumentsOf(context, definition, nodes[0]!), nodes, join);
  const inner = context.alias();
  const where = sql`${join(inner)} and ${permissionFilter(context, target, inner)}`;
  return sql`(select ${rowObject(context, target, inner, nodes)} from ${sql.ident(target.schema, target.name)} as ${sql.ident(inner)} where ${where} limit 1)`;
}

/** One row as a JSON object with the selected fields, keyed by response name, in selection order. */
export function rowObject(context: CompileContext, table: TableInfo, alias: string, nodes: FieldNode[]): SQL {
  const type = objectTypeOf(context, table);
  const fields = collectFields(context, subSelections(nodes));
  const columns: SQL[] = [];
  for (const [key, fieldNodes] of fields) {
    const node = fieldNodes[0]!;
    const name = node.name.value;
    let expression: SQL;
    if (name === '__typename') expression = sql.literal(type.name);
    else {
      const definition = type.getFields()[name];
      if (!definition) throw new EngineError('validation-failed', `field '${name}' not found in type: '${type.name}'`);
      expression = columnByField(table, name, 'graphql')
        ? columnExpression(context, table, alias, name, node, definition)
        : relationshipExpression(context, table, alias, name, fieldNodes, definition);
    }
    columns.push(sql`${expression} as ${sql.ident(key)}`);
  }
  const record = context.alias('e');
  return sql`row_to_json((select ${sql.ident(record)} from (select ${sql.join(columns, ', ')}) as ${sql.ident(record)}))`;
}

/** A list selection as a JSON array (empty array when no row matches). */
export function compileList(context: CompileContext, table: TableInfo, args: SelectArguments, nodes: FieldNode[], join: ((alias: string) => SQL) | null): SQL {
  const source = rowSource(context, table, args, join);
  return sql`(select coalesce(json_agg(${rowObject(context, table, source.alias, nodes)}${source.orderBy}), '[]'::json) from ${source.from})`;
}

/** `<t>_by_pk`: the row with these primary-key values that the role may see, or null. */
export function compileByPk(context: CompileContext, table: TableInfo, args: Record<string, unknown>, nodes: FieldNode[]): SQL {
  const where = Object.fromEntries(Object.entries(args).map(([field, value]) => [field, { _eq: value }]));
  const source = rowSource(context, table, { where }, null);
  return sql`(select ${rowObject(context, table, source.alias, nodes)} from ${source.from} limit 1)`;
}

/**
 * `<t>_aggregate` (or `<rel>_aggregate`): `aggregate` computed over the selected rows (after
 * `where`, permission filter, `limit` and `offset`), and `nodes` listing them.
 */
export function compileAggregateSelection(context: CompileContext, table: TableInfo, args: SelectArguments, nodes: FieldNode[], join: ((alias: string) => SQL) | null): SQL {
  const columns: SQL[] = [];
  for (const [key, fieldNodes] of collectFields(context, subSelections(nodes))) {
    const name = fieldNodes[0]!.name.value;
    let value: SQL;
    if (name === '__typename') value = sql.literal(`${table.baseName}_aggregate`);
    else {
      const source = rowSource(context, table, args, join);
      value =
        name === 'aggregate'
          ? sql`(select ${aggregateObject(context, table, source.alias, fieldNodes)} from ${source.from})`
          : sql`(select coalesce(json_agg(${rowObject(context, table, source.alias, fieldNodes)}${source.orderBy}), '[]'::json) from ${source.from})`;
    }
    columns.push(sql`${value} as ${sql.ident(key)}`);
  }
  const record = context.alias('e');
  return sql`row_to_json((select ${sql.ident(record)} from (select ${sql.join(columns, ', ')}) as ${sql.ident(record)}))`;
}
