import { EngineError } from '../errors/index.ts';
import type { ColumnPresets } from '@portal/hasura-metadata';
import type { ColumnInfo, TableInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import { columnByField } from '../compile/bool-exp.ts';
import { isSessionVariable, sessionValue } from '../compile/session-values.ts';
import { typedValue } from '../compile/typed-values.ts';

/** A preset from a permission's `set`: a session variable or a constant. */
export function presetValue(context: CompileContext, column: ColumnInfo, value: unknown): SQL {
  return isSessionVariable(value) ? sessionValue(context, value, column) : typedValue(value, column);
}

/** Column name → SQL value for one row: the client's values (by field name), then presets, which win. */
export function rowValues(context: CompileContext, table: TableInfo, input: Record<string, unknown>, presets: ColumnPresets): Map<string, SQL> {
  const values = new Map<string, SQL>();
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || table.relationships.has(field)) continue;
    const column = columnByField(table, field, 'graphql');
    if (!column) throw new EngineError('validation-failed', `no such column: "${field}" in table "${table.key}"`);
    values.set(column.name, typedValue(value, column));
  }
  for (const [name, value] of Object.entries(presets)) values.set(name, presetValue(context, table.columns.get(name)!, value));
  return values;
}
