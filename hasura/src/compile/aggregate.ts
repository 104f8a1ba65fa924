import type { FieldNode, GraphQLObjectType } from 'graphql';
import { EngineError } from '../errors/index.ts';
import type { TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { columnByField } from './bool-exp.ts';
import { collectFields, subSelections } from './collect-fields.ts';
import type { CompileContext } from './compile-context.ts';
import { rowSource, type SelectArguments } from './row-source.ts';
import { argumentsOf, rowObject } from './select.ts';

function typeOf(context: CompileContext, name: string): GraphQLObjectType {
  return context.roleSchema.schema.getType(name) as GraphQLObjectType;
}

function countExpression(context: CompileContext, table: TableInfo, alias: string, node: FieldNode): SQL {
  const definition = typeOf(context, `${table.baseName}_aggregate_fields`).getFields().count!;
  const { columns, distinct } = argumentsOf(context, definition, node) as { columns?: string[] | null; distinct?: boolean | null };
  const modifier = distinct ? sql`distinct ` : sql.empty;
  if (!columns || columns.length === 0) return distinct ? sql`count(distinct ${sql.ident(alias)}.*)` : sql`count(*)`;
  const values = columns.map((column) => sql.ident(alias, column));
  return values.length === 1 ? sql`count(${modifier}${values[0]!})` : sql`count(${modifier}(${sql.join(values, ', ')}))`;
}

/** `{ sum { subtotal } }` → `json_build_object('subtotal', sum(alias.subtotal))`. */
function operatorObject(context: CompileContext, table: TableInfo, alias: string, op: string, nodes: FieldNode[]): SQL {
  const pairs: SQL[] = [];
  for (const [key, fieldNodes] of collectFields(context, subSelections(nodes))) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') {
      pairs.push(sql`${sql.literal(key)}, ${sql.literal(`${table.baseName}_${op}_fields`)}`);
      continue;
    }
    const column = columnByField(table, name, 'graphql');
    if (!column) throw new EngineError('validation-failed', `field '${name}' not found in type: '${table.baseName}_${op}_fields'`);
    pairs.push(sql`${sql.literal(key)}, ${sql.ident(op)}(${sql.ident(alias, column.name)})`);
  }
  return sql`json_build_object(${sql.join(pairs, ', ')})`;
}

function aggregateObject(context: CompileContext, table: TableInfo, alias: string, nodes: FieldNode[]): SQL {
  const pairs: SQL[] = [];
  for (const [key, fieldNodes] of collectFields(context, subSelections(nodes))) {
    const name = fieldNodes[0]!.name.value;
    let value: SQL;
    if (name === '__typename') value = sql.literal(`${table.baseName}_aggregate_fields`);
    else if (name === 'count') value = countExpression(context, table, alias, fieldNodes[0]!);
    else value = operatorObject(context, table, alias, name, fieldNodes);
    pairs.push(sql`${sql.literal(key)}, ${value}`);
  }
  return sql`json_build_object(${sql.join(pairs, ', ')})`;
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
