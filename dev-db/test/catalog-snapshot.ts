import type pg from 'pg';
import { quoteIdentifier } from '@portal/common/postgres';

/**
 * A textual description of everything the migrations create in schema public: columns,
 * constraints, indexes, triggers, functions, sequences and enum rows. Two databases with equal
 * snapshots have the same schema.
 */
const SNAPSHOT_SQL = `
  select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
         || case when a.attnotnull then ' not null' else '' end
         || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
         || case when a.attgenerated <> '' then ' generated' else '' end
         || case when a.attidentity <> '' then ' identity' else '' end as line
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p') and a.attnum > 0 and not a.attisdropped
  union all
  select 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public'
  union all
  select 'index ' || indexdef from pg_indexes where schemaname = 'public'
  union all
  select 'trigger ' || pg_get_triggerdef(t.oid)
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and not t.tgisinternal
  union all
  select 'function ' || pg_get_functiondef(p.oid)
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
  union all
  select 'sequence ' || sequence_name from information_schema.sequences where sequence_schema = 'public'
  union all
  select 'comment ' || c.relname || ' ' || obj_description(c.oid, 'pg_class')
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and obj_description(c.oid, 'pg_class') is not null
  order by 1`;

export async function catalogSnapshot(client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const result = await client.query<{ line: string }>(SNAPSHOT_SQL);
  return result.rows.map((row) => row.line);
}

/** Rows of every enum table, as "table:value" lines. */
export async function enumRows(client: pg.ClientBase | pg.Pool, tables: string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const table of tables) {
    const result = await client.query<{ value: string }>(
      `select value from public.${quoteIdentifier(table)} order by value`,
    );
    lines.push(...result.rows.map((row) => `${table}:${row.value}`));
  }
  return lines;
}
