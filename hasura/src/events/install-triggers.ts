import type pg from 'pg';
import { sql, type SQL } from '../sql/index.ts';
import { run, withCatalogTransaction } from '../delivery/index.ts';
import { EVENT_CATALOG_SQL } from './event-catalog-sql.ts';

export type TriggerOp = 'INSERT' | 'UPDATE' | 'DELETE';

/** One PostgreSQL trigger behind one operation of an event trigger. */
export interface SqlTriggerSpec {
  /** `notify_hasura_<trigger>_<OP>`, Hasura's name for it. */
  sqlTriggerName: string;
  triggerName: string;
  op: TriggerOp;
  schema: string;
  table: string;
  /** Columns whose change fires an UPDATE; null: any column. */
  listenColumns: string[] | null;
  /** Columns sent in `data.old` / `data.new`; null: all. */
  payloadColumns: string[] | null;
  /** `trigger_on_replication`: fire for changes applied by logical replication too. */
  enableAlways: boolean;
}

interface InstalledOp {
  sql_trigger_name: string;
  trigger_name: string;
  schema_name: string;
  table_name: string;
}

const AFTER: Record<TriggerOp, SQL> = { INSERT: sql`insert`, UPDATE: sql`update`, DELETE: sql`delete` };

async function tableExists(client: pg.ClientBase, schema: string, table: string): Promise<boolean> {
  const rows = await run(client, sql`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${sql.value(schema)} and c.relname = ${sql.value(table)}`);
  return rows.length > 0;
}

async function dropOp(client: pg.ClientBase, op: InstalledOp): Promise<void> {
  if (await tableExists(client, op.schema_name, op.table_name)) {
    await run(client, sql`drop trigger if exists ${sql.ident(op.sql_trigger_name)} on ${sql.ident(op.schema_name, op.table_name)}`);
  }
  await run(client, sql`delete from hdb_catalog.dev_event_trigger_ops where sql_trigger_name = ${sql.value(op.sql_trigger_name)}`);
}

async function installOp(client: pg.ClientBase, spec: SqlTriggerSpec): Promise<void> {
  await run(client, sql`insert into hdb_catalog.dev_event_trigger_ops
      (sql_trigger_name, trigger_name, op, schema_name, table_name, listen_columns, payload_columns)
    values (${sql.value(spec.sqlTriggerName)}, ${sql.value(spec.triggerName)}, ${sql.value(spec.op)}, ${sql.value(spec.schema)},
      ${sql.value(spec.table)}, ${sql.value(spec.listenColumns)}::text[], ${sql.value(spec.payloadColumns)}::text[])
    on conflict (sql_trigger_name) do update set trigger_name = excluded.trigger_name, op = excluded.op,
      schema_name = excluded.schema_name, table_name = excluded.table_name,
      listen_columns = excluded.listen_columns, payload_columns = excluded.payload_columns`);
  const table = sql.ident(spec.schema, spec.table);
  const name = sql.ident(spec.sqlTriggerName);
  await run(client, sql`drop trigger if exists ${name} on ${table}`);
  await run(client, sql`create trigger ${name} after ${AFTER[spec.op]} on ${table}
    for each row execute function hdb_catalog.dev_capture_event()`);
  if (spec.enableAlways) await run(client, sql`alter table ${table} enable always trigger ${name}`);
}

function isStale(op: InstalledOp, wanted: Map<string, SqlTriggerSpec>): boolean {
  const spec = wanted.get(op.sql_trigger_name);
  return !spec || spec.schema !== op.schema_name || spec.table !== op.table_name;
}

/**
 * Makes the database's event-trigger SQL triggers match `specs`, in one transaction: creates the
 * catalog when missing, (re)creates the wanted triggers, drops the others and archives the pending
 * events of event triggers that are gone, as Hasura does. Triggers of the event triggers named in
 * `keep` (inconsistent in the current metadata) are left exactly as they are.
 */
export async function syncSqlTriggers(pool: pg.Pool, specs: SqlTriggerSpec[], keep: ReadonlySet<string>): Promise<void> {
  await withCatalogTransaction(pool, async (client) => {
    await client.query(EVENT_CATALOG_SQL);
    const wanted = new Map(specs.map((spec) => [spec.sqlTriggerName, spec]));
    const installed = await run<InstalledOp>(client, sql`select sql_trigger_name, trigger_name, schema_name, table_name
      from hdb_catalog.dev_event_trigger_ops`);
    for (const op of installed) {
      if (!keep.has(op.trigger_name) && isStale(op, wanted)) await dropOp(client, op);
    }
    for (const spec of specs) await installOp(client, spec);
    const live = [...new Set([...specs.map((spec) => spec.triggerName), ...keep])];
    await run(client, sql`update hdb_catalog.event_log set archived = true
      where not archived and not (trigger_name = any(${sql.value(live)}::text[]))`);
  });
}
