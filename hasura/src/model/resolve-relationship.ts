import { tableKey, type CatalogTable } from '../catalog/index.ts';
import { qualifiedTable, type ArrayRelationship, type ObjectRelationship, type RemoteForeignKey } from '@portal/hasura-metadata';
import type { RelationshipInfo } from './model-types.ts';

type Lookup = (key: string) => CatalogTable | undefined;

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((column) => b.includes(column));
}

function remoteColumns(spec: RemoteForeignKey): string[] {
  return 'columns' in spec ? spec.columns : [spec.column];
}

/** FK on this table (object relationship by its own columns). */
function fromLocalForeignKey(table: CatalogTable, columns: string[]) {
  const fk = table.foreignKeys.find((candidate) => sameColumns(candidate.columns, columns));
  if (!fk) throw new Error(`no foreign key constraint exists on the given column(s) ${columns.join(', ')}`);
  const mapping = fk.columns.map((column, i): [string, string] => [column, fk.refColumns[i]!]);
  const nullable = fk.columns.some((column) => table.columns.find((c) => c.name === column)?.nullable ?? true);
  return { target: tableKey(fk.refSchema, fk.refTable), mapping, nullable };
}

/** FK on the other table pointing at this one. */
function fromRemoteForeignKey(table: CatalogTable, spec: RemoteForeignKey, lookup: Lookup) {
  const remote = qualifiedTable(spec.table);
  const remoteTable = lookup(tableKey(remote.schema, remote.name));
  if (!remoteTable) throw new Error(`table "${remote.schema}.${remote.name}" does not exist`);
  const columns = remoteColumns(spec);
  const fk = remoteTable.foreignKeys.find(
    (candidate) => sameColumns(candidate.columns, columns) && candidate.refSchema === table.schema && candidate.refTable === table.name,
  );
  if (!fk) throw new Error(`no foreign key constraint exists on "${remote.schema}.${remote.name}" (${columns.join(', ')}) referencing "${table.schema}.${table.name}"`);
  const mapping = fk.columns.map((column, i): [string, string] => [fk.refColumns[i]!, column]);
  return { target: tableKey(remote.schema, remote.name), mapping, nullable: true };
}

/** Turns a relationship definition into the join it stands for; throws a readable reason when it cannot. */
export function resolveRelationship(
  table: CatalogTable,
  kind: 'object' | 'array',
  definition: ObjectRelationship | ArrayRelationship,
  lookup: Lookup,
): RelationshipInfo {
  const using = definition.using;
  let resolved: { target: string; mapping: Array<[string, string]>; nullable: boolean };
  if ('manual_configuration' in using) {
    const remote = qualifiedTable(using.manual_configuration.remote_table);
    if (!lookup(tableKey(remote.schema, remote.name))) throw new Error(`table "${remote.schema}.${remote.name}" does not exist`);
    resolved = {
      target: tableKey(remote.schema, remote.name),
      mapping: Object.entries(using.manual_configuration.column_mapping),
      nullable: true,
    };
  } else {
    const spec = using.foreign_key_constraint_on;
    resolved =
      typeof spec === 'string' || Array.isArray(spec)
        ? fromLocalForeignKey(table, [spec].flat())
        : fromRemoteForeignKey(table, spec, lookup);
  }
  return { name: definition.name, kind, ...resolved, nullable: kind === 'array' ? false : resolved.nullable, comment: definition.comment ?? null };
}
