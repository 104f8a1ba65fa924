import type pg from 'pg';
import { EngineError } from '../errors/index.ts';
import type { TableInfo } from '../model/index.ts';
import type { CompileContext } from '../compile/compile-context.ts';
import { typedValue } from '../compile/typed-values.ts';
import { insertPermissionFor, updatePermissionFor } from '../schema/mutation-permissions.ts';
import { insertStatement, type OnConflict } from './insert-sql.ts';
import type { WrittenRow } from './returning.ts';
import { runCheckedWrite } from './run-statement.ts';
import { rowValues } from './write-values.ts';

type InputRow = Record<string, unknown>;
type NestedInput = { data: InputRow | InputRow[]; on_conflict?: OnConflict | null };

export interface InsertResult {
  rows: WrittenRow[];
  /** Every row written, nested ones included (Hasura's affected_rows). */
  affected: number;
}

function hasNested(table: TableInfo, row: InputRow): boolean {
  return Object.keys(row).some((key) => table.relationships.has(key) && row[key] != null);
}

async function insertFlat(client: pg.ClientBase, context: CompileContext, table: TableInfo, rows: InputRow[], onConflict: OnConflict | null, fixed: Map<string, unknown>): Promise<WrittenRow[]> {
  const permission = insertPermissionFor(table, context.role, context.backendOnly);
  if (!permission) throw new EngineError('permission-error', `no insert permission on "${table.key}" for role "${context.role}"`);
  const updatePermission = onConflict ? updatePermissionFor(table, context.role, context.backendOnly) : null;
  const valueRows = rows.map((row) => {
    const values = rowValues(context, table, row, permission.presets);
    for (const [name, value] of fixed) values.set(name, typedValue(value, table.columns.get(name)!));
    return values;
  });
  return runCheckedWrite(client, insertStatement(context, { table, rows: valueRows, permission, onConflict, updatePermission }), 'insert');
}

/** Inserts one row with its nested relationships: parents (object) first, children (array) after. */
async function insertWithNested(client: pg.ClientBase, context: CompileContext, table: TableInfo, row: InputRow, onConflict: OnConflict | null, fixed: Map<string, unknown>): Promise<InsertResult> {
  let affected = 0;
  const own = new Map(fixed);
  for (const [name, value] of Object.entries(row)) {
    const relationship = table.relationships.get(name);
    if (relationship?.kind !== 'object' || value == null) continue;
    const nested = value as NestedInput;
    const given = relationship.mapping.map(([local]) => local).filter((local) => row[table.columns.get(local)!.fieldName] !== undefined);
    if (given.length > 0) {
      throw new EngineError('validation-failed', `cannot insert object relationship "${name}" as ${given.map((c) => `"${c}"`).join(', ')} column values are already determined`);
    }
    const parent = await insertRows(client, context, context.model.tables.get(relationship.target)!, [nested.data as InputRow], nested.on_conflict ?? null, new Map());
    if (parent.rows.length === 0) throw new EngineError('validation-failed', `cannot insert object relationship "${name}" as the row was not inserted`);
    affected += parent.affected;
    for (const [local, remote] of relationship.mapping) own.set(local, parent.rows[0]![remote]);
  }
  const [written] = await insertFlat(client, context, table, [row], onConflict, own);
  if (!written) return { rows: [], affected };
  affected += 1;
  for (const [name, value] of Object.entries(row)) {
    const relationship = table.relationships.get(name);
    if (relationship?.kind !== 'array' || value == null) continue;
    const nested = value as NestedInput;
    const target = context.model.tables.get(relationship.target)!;
    const children = [nested.data].flat();
    const determined = relationship.mapping.map(([, remote]) => remote).filter((remote) => children.some((child) => child[target.columns.get(remote)!.fieldName] !== undefined));
    if (determined.length > 0) {
      throw new EngineError('validation-failed', `cannot insert array relationship "${name}" as ${determined.map((c) => `"${c}"`).join(', ')} column values are already determined`);
    }
    const link = new Map(relationship.mapping.map(([local, remote]) => [remote, written[local]]));
    affected += (await insertRows(client, context, target, children, nested.on_conflict ?? null, link)).affected;
  }
  return { rows: [written], affected };
}

/**
 * Inserts rows into a table: one multi-row INSERT when no row carries nested relationships,
 * otherwise row by row. `fixed` sets columns that link a nested row to its parent.
 */
export async function insertRows(client: pg.ClientBase, context: CompileContext, table: TableInfo, rows: InputRow[], onConflict: OnConflict | null, fixed: Map<string, unknown>): Promise<InsertResult> {
  if (rows.length === 0) return { rows: [], affected: 0 };
  if (!rows.some((row) => hasNested(table, row))) {
    const written = await insertFlat(client, context, table, rows, onConflict, fixed);
    return { rows: written, affected: written.length };
  }
  const result: InsertResult = { rows: [], affected: 0 };
  for (const row of rows) {
    const one = await insertWithNested(client, context, table, row, onConflict, fixed);
    result.rows.push(...one.rows);
    result.affected += one.affected;
  }
  return result;
}
