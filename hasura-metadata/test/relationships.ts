import {
  qualifiedTable,
  type ArrayRelationship,
  type ObjectRelationship,
  type TableMetadata,
} from '../src/index.ts';
import { foreignKeyOn, type Catalog } from './catalog.ts';

/** A relationship resolved against the database: the table it leads to, or why it cannot. */
export interface ResolvedRelationship {
  table: string;
  name: string;
  kind: 'object' | 'array';
  target?: string;
  problem?: string;
}

function fkSpec(spec: unknown): { table?: string; columns: string[] } | undefined {
  if (typeof spec === 'string') return { columns: [spec] };
  if (Array.isArray(spec)) return { columns: spec.map(String) };
  if (typeof spec !== 'object' || spec === null) return undefined;
  const remote = spec as { table: unknown; column?: string; columns?: string[] };
  const table = qualifiedTable(remote.table as string).name;
  return { table, columns: remote.columns ?? (remote.column ? [remote.column] : []) };
}

function resolveOne(
  catalog: Catalog,
  table: string,
  name: string,
  kind: 'object' | 'array',
  using: ObjectRelationship['using'] | ArrayRelationship['using'],
): ResolvedRelationship {
  const base = { table, name, kind };
  if (!('foreign_key_constraint_on' in using)) return { ...base, problem: 'uses a manual configuration' };
  const spec = fkSpec(using.foreign_key_constraint_on);
  if (!spec || spec.columns.length === 0) return { ...base, problem: 'has no foreign key columns' };
  if (spec.table === undefined) {
    const key = foreignKeyOn(catalog, table, spec.columns);
    return key ? { ...base, target: key.refTable } : { ...base, problem: `no foreign key on ${table}(${spec.columns.join(', ')})` };
  }
  const key = foreignKeyOn(catalog, spec.table, spec.columns);
  if (!key) return { ...base, problem: `no foreign key on ${spec.table}(${spec.columns.join(', ')})` };
  if (key.refTable !== table) return { ...base, problem: `${key.name} references ${key.refTable}, not ${table}` };
  return { ...base, target: spec.table };
}

export function resolveRelationships(catalog: Catalog, tables: TableMetadata[]): ResolvedRelationship[] {
  return tables.flatMap((table) => {
    const name = qualifiedTable(table.table).name;
    return [
      ...(table.object_relationships ?? []).map((rel) => resolveOne(catalog, name, rel.name, 'object', rel.using)),
      ...(table.array_relationships ?? []).map((rel) => resolveOne(catalog, name, rel.name, 'array', rel.using)),
    ];
  });
}
