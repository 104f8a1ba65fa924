import type { FieldNode, GraphQLObjectType } from 'graphql';
import { EngineError } from '../errors/index.ts';
import type { TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { columnByField } from './bool-exp.ts';
import { collectFields, subSelections } from './collect-fields.ts';
import type { CompileContext } from './compile-context.ts';
import { argumentsOf } from './arguments.ts';

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

/** The `aggregate { count sum { … } … }` object over the rows of `alias`. */
export function aggregateObject(context: CompileContext, table: TableInfo, alias: string, nodes: FieldNode[]): SQL {
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
