import type pg from 'pg';
import { isPostgresSource, type HasuraMetadata, type TableMetadata } from '@portal/hasura-metadata';
import { refOf, tableValue, type TableRef } from './table-ref.ts';

/** A tracked table's identity in PostgreSQL, which survives `alter table … rename`. */
export interface TrackedOid {
  ref: TableRef;
  oid: string | null;
}

const key = (ref: TableRef) => `${ref.schema}.${ref.name}`;

function trackedTables(doc: HasuraMetadata): TableMetadata[] {
  return doc.sources.filter(isPostgresSource).flatMap((source) => source.tables);
}

export async function trackedOids(client: pg.ClientBase, doc: HasuraMetadata): Promise<TrackedOid[]> {
  const refs = trackedTables(doc).map(refOf);
  const result = await client.query<{ oid: string | null }>(
    `select to_regclass(format('%I.%I', t.item->>'schema', t.item->>'name'))::oid::text as oid
       from json_array_elements($1::json) with ordinality as t(item, n) order by t.n`,
    [JSON.stringify(refs)],
  );
  return refs.map((ref, i) => ({ ref, oid: result.rows[i]?.oid ?? null }));
}

/** Where each table is now: its new name, or null when it was dropped. */
async function currentNames(client: pg.ClientBase, before: TrackedOid[]): Promise<Map<string, TableRef | null>> {
  const oids = before.flatMap((entry) => (entry.oid ? [entry.oid] : []));
  const result = await client.query<{ oid: string; schema: string; name: string }>(
    `select c.oid::text as oid, n.nspname as schema, c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = any($1::oid[])`,
    [oids],
  );
  const byOid = new Map(result.rows.map((row) => [row.oid, { schema: row.schema, name: row.name }]));
  return new Map(before.filter((entry) => entry.oid).map((entry) => [key(entry.ref), byOid.get(entry.oid!) ?? null]));
}

/** Points relationships of every table at a renamed table. */
function renameReferences(doc: HasuraMetadata, from: TableRef, to: TableRef): void {
  const rename = (holder: Record<string, unknown>, field: string) => {
    const value = holder[field];
    if (value === undefined) return;
    const ref = typeof value === 'string' ? { schema: 'public', name: value } : (value as TableRef);
    if ((ref.schema ?? 'public') === from.schema && ref.name === from.name) holder[field] = tableValue(to);
  };
  for (const table of trackedTables(doc)) {
    for (const relationship of [...(table.object_relationships ?? []), ...(table.array_relationships ?? [])]) {
      const using = relationship.using as Record<string, Record<string, unknown> | undefined>;
      if (using.manual_configuration) rename(using.manual_configuration, 'remote_table');
      const fk = using.foreign_key_constraint_on;
      if (fk && typeof fk === 'object' && !Array.isArray(fk)) rename(fk, 'table');
    }
  }
}

/**
 * Applies what the SQL did to tracked tables, as Hasura's run_sql does: a dropped table leaves the
 * metadata, a renamed one is tracked under its new name. Returns whether anything changed.
 */
export async function applyTableChanges(client: pg.ClientBase, doc: HasuraMetadata, before: TrackedOid[]): Promise<boolean> {
  const now = await currentNames(client, before);
  let changed = false;
  for (const source of doc.sources.filter(isPostgresSource)) {
    source.tables = source.tables.filter((table) => {
      const current = now.get(key(refOf(table)));
      if (current === undefined) return true;
      if (current === null) {
        changed = true;
        return false;
      }
      const old = refOf(table);
      if (current.schema !== old.schema || current.name !== old.name) {
        table.table = tableValue(current);
        renameReferences(doc, old, current);
        changed = true;
      }
      return true;
    });
  }
  return changed;
}
