import type pg from 'pg';
import { sql, compileSQL } from '../sql/index.ts';
import type { EngineModel } from './model-types.ts';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * Reads the rows of every enum table: the first primary-key column is the value, a `comment`
 * column (when present) its description. Enum tables must hold valid GraphQL names and at least
 * one row, as in Hasura.
 */
export async function loadEnumValues(client: pg.ClientBase | pg.Pool, model: EngineModel): Promise<void> {
  for (const table of model.tables.values()) {
    if (!table.enumValues) continue;
    const valueColumn = table.primaryKey?.[0];
    if (!valueColumn || table.primaryKey!.length !== 1) throw new Error(`enum table "${table.key}" must have a single-column primary key`);
    const comment = table.columns.has('comment') ? sql`${sql.ident('comment')}::text` : sql`null::text`;
    const query = compileSQL(
      sql`select ${sql.ident(valueColumn)}::text as value, ${comment} as comment from ${sql.ident(table.schema, table.name)} order by 1`,
    );
    const rows = (await client.query<{ value: string; comment: string | null }>(query.text, query.values)).rows;
    if (rows.length === 0) throw new Error(`enum table "${table.key}": empty enum values`);
    const invalid = rows.find((row) => !GRAPHQL_NAME.test(row.value));
    if (invalid) throw new Error(`enum table "${table.key}": the value ${JSON.stringify(invalid.value)} cannot be used as a GraphQL enum value`);
    table.enumValues = rows;
  }
}
