import type pg from 'pg';
import { tableKey, type Catalog, type CatalogTable } from './catalog-types.ts';

const CATALOG_SQL = `
select n.nspname as schema, c.relname as name, c.relkind as kind, obj_description(c.oid, 'pg_class') as comment,
  coalesce((
    select json_agg(json_build_object(
      'name', a.attname, 'type', t.typname, 'typeSchema', tn.nspname, 'category', t.typcategory,
      'elementType', et.typname, 'nullable', not a.attnotnull,
      'hasDefault', a.atthasdef or a.attidentity <> '', 'generated', a.attgenerated <> '',
      'position', a.attnum, 'comment', col_description(c.oid, a.attnum)) order by a.attnum)
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
    join pg_namespace tn on tn.oid = t.typnamespace
    left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]') as columns,
  (select json_build_object('name', k.conname, 'columns',
      (select json_agg(a.attname order by u.ord) from unnest(k.conkey) with ordinality u(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = u.attnum))
    from pg_constraint k where k.conrelid = c.oid and k.contype = 'p') as "primaryKey",
  coalesce((select json_agg(json_build_object('name', k.conname, 'columns',
      (select json_agg(a.attname order by u.ord) from unnest(k.conkey) with ordinality u(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = u.attnum)) order by k.conname)
    from pg_constraint k where k.conrelid = c.oid and k.contype = 'u'), '[]') as "uniqueConstraints",
  coalesce((select json_agg(json_build_object('name', k.conname,
      'columns', (select json_agg(a.attname order by u.ord) from unnest(k.conkey) with ordinality u(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = u.attnum),
      'refSchema', rn.nspname, 'refTable', rc.relname,
      'refColumns', (select json_agg(a.attname order by u.ord) from unnest(k.confkey) with ordinality u(attnum, ord)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum)) order by k.conname)
    from pg_constraint k join pg_class rc on rc.oid = k.confrelid join pg_namespace rn on rn.oid = rc.relnamespace
    where k.conrelid = c.oid and k.contype = 'f'), '[]') as "foreignKeys"
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'v', 'm', 'p', 'f')
  and n.nspname not in ('pg_catalog', 'information_schema', 'hdb_catalog', 'pg_toast')`;

/** Reads every user table and view with its columns and constraints, in one query. */
export async function introspectCatalog(client: pg.ClientBase | pg.Pool): Promise<Catalog> {
  const result = await client.query<CatalogTable>(CATALOG_SQL);
  return new Map(result.rows.map((table) => [tableKey(table.schema, table.name), table]));
}
