import { EngineError } from '../errors/index.ts';
import type { TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import { columnByField, joinCondition, permissionFilter } from './bool-exp.ts';
import type { CompileContext } from './compile-context.ts';

export interface OrderKey {
  expression: SQL;
  direction: SQL;
  /** Set when the key is a plain column of the table (distinct_on must match these). */
  column: string | null;
}

const DIRECTIONS: Record<string, SQL> = {
  asc: sql`asc nulls last`,
  asc_nulls_last: sql`asc nulls last`,
  asc_nulls_first: sql`asc nulls first`,
  desc: sql`desc nulls first`,
  desc_nulls_first: sql`desc nulls first`,
  desc_nulls_last: sql`desc nulls last`,
};

const AGGREGATES = new Set(['avg', 'max', 'min', 'stddev', 'stddev_pop', 'stddev_samp', 'sum', 'var_pop', 'var_samp', 'variance']);

function direction(value: unknown): SQL {
  const dir = DIRECTIONS[String(value)];
  if (!dir) throw new EngineError('validation-failed', `unexpected ordering ${JSON.stringify(value)}`);
  return dir;
}

/** Scalar subquery over the rows of a relationship that the role may see. */
function overRelationship(context: CompileContext, table: TableInfo, alias: string, name: string, select: (inner: string, target: TableInfo) => SQL, limitOne: boolean): SQL {
  const relationship = table.relationships.get(name)!;
  const target = context.model.tables.get(relationship.target)!;
  const inner = context.alias();
  const where = sql`${joinCondition(relationship.mapping, alias, inner)} and ${permissionFilter(context, target, inner)}`;
  return sql`(select ${select(inner, target)} from ${sql.ident(target.schema, target.name)} as ${sql.ident(inner)} where ${where}${limitOne ? sql` limit 1` : sql.empty})`;
}

function aggregateKeys(context: CompileContext, table: TableInfo, alias: string, relationshipName: string, spec: Record<string, unknown>): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const [op, value] of Object.entries(spec)) {
    if (value === undefined || value === null) continue;
    if (op === 'count') {
      keys.push({ expression: overRelationship(context, table, alias, relationshipName, () => sql`count(*)`, false), direction: direction(value), column: null });
      continue;
    }
    if (!AGGREGATES.has(op)) throw new EngineError('validation-failed', `unexpected aggregate ${op} in order_by`);
    for (const [field, dir] of Object.entries(value as Record<string, unknown>)) {
      const expression = overRelationship(context, table, alias, relationshipName, (inner, target) => {
        const column = columnByField(target, field, 'graphql')!;
        return sql`${sql.ident(op)}(${sql.ident(inner, column.name)})`;
      }, false);
      keys.push({ expression, direction: direction(dir), column: null });
    }
  }
  return keys;
}

function objectKeys(context: CompileContext, table: TableInfo, alias: string, item: Record<string, unknown>): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const [field, value] of Object.entries(item)) {
    if (value === undefined || value === null) continue;
    const relationship = table.relationships.get(field);
    if (relationship?.kind === 'object') {
      const target = context.model.tables.get(relationship.target)!;
      const nestedAlias = context.alias();
      for (const nested of objectKeys(context, target, nestedAlias, value as Record<string, unknown>)) {
        const expression = overRelationship(context, table, alias, field, (inner) => sql`(select ${nested.expression} from (select ${sql.ident(inner)}.*) as ${sql.ident(nestedAlias)})`, true);
        keys.push({ expression, direction: nested.direction, column: null });
      }
    } else if (field.endsWith('_aggregate') && table.relationships.get(field.slice(0, -'_aggregate'.length))?.kind === 'array') {
      keys.push(...aggregateKeys(context, table, alias, field.slice(0, -'_aggregate'.length), value as Record<string, unknown>));
    } else {
      const column = columnByField(table, field, 'graphql');
      if (!column) throw new EngineError('validation-failed', `no such column in order_by: "${field}"`);
      keys.push({ expression: sql.ident(alias, column.name), direction: direction(value), column: column.name });
    }
  }
  return keys;
}

/** `order_by` (an object or a list of objects) as ORDER BY keys over the row `alias`. */
export function compileOrderBy(context: CompileContext, table: TableInfo, alias: string, orderBy: unknown): OrderKey[] {
  if (orderBy === undefined || orderBy === null) return [];
  return [orderBy].flat().flatMap((item) => objectKeys(context, table, alias, (item ?? {}) as Record<string, unknown>));
}
