import type pg from 'pg';

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
}

/** What the migrated database says about schema `public`, read once per test file. */
export interface Catalog {
  tables: Set<string>;
  columns: Map<string, Set<string>>;
  foreignKeys: ForeignKey[];
  primaryKeys: Map<string, string[]>;
}

export async function readCatalog(pool: pg.Pool): Promise<Catalog> {
  const tables = await pool.query<{ table: string }>(
    `select c.relname as table from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')`,
  );
  const columns = await pool.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
     from pg_attribute a join pg_class c on c.oid = a.attrelid
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and a.attnum > 0 and not a.attisdropped`,
  );
  const constraints = await pool.query<{ name: string; type: string; table: string; columns: string[]; ref_table: string | null }>(
    `select con.conname as name, con.contype as type, src.relname as table,
            array(select a.attname::text from unnest(con.conkey) with ordinality as k(attnum, position)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
                  order by k.position) as columns,
            dst.relname as ref_table
     from pg_constraint con
     join pg_class src on src.oid = con.conrelid
     left join pg_class dst on dst.oid = con.confrelid
     where src.relnamespace = 'public'::regnamespace and con.contype in ('f', 'p')`,
  );
  const columnMap = new Map<string, Set<string>>();
  for (const row of columns.rows) {
    if (!columnMap.has(row.table)) columnMap.set(row.table, new Set());
    columnMap.get(row.table)!.add(row.column);
  }
  return {
    tables: new Set(tables.rows.map((row) => row.table)),
    columns: columnMap,
    foreignKeys: constraints.rows
      .filter((row) => row.type === 'f')
      .map((row) => ({ name: row.name, table: row.table, columns: row.columns, refTable: row.ref_table! })),
    primaryKeys: new Map(constraints.rows.filter((row) => row.type === 'p').map((row) => [row.table, row.columns])),
  };
}

/** The foreign key from `table` on exactly these columns, as Hasura's `foreign_key_constraint_on` needs. */
export function foreignKeyOn(catalog: Catalog, table: string, columns: string[]): ForeignKey | undefined {
  return catalog.foreignKeys.find(
    (key) => key.table === table && key.columns.length === columns.length && key.columns.every((column, i) => column === columns[i]),
  );
}
