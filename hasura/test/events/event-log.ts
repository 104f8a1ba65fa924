import type pg from 'pg';

export interface EventLogRow {
  id: string;
  schema_name: string;
  table_name: string;
  trigger_name: string;
  payload: any;
  delivered: boolean;
  error: boolean;
  archived: boolean;
  tries: number;
  created_at: Date;
  locked: Date | null;
  next_retry_at: Date | null;
}

export interface InvocationRow {
  event_id: string;
  trigger_name: string | null;
  status: number | null;
  request: any;
  response: any;
}

export async function eventsOf(pool: pg.Pool, trigger: string): Promise<EventLogRow[]> {
  const result = await pool.query<EventLogRow>(
    'select * from hdb_catalog.event_log where trigger_name = $1 order by created_at, id',
    [trigger],
  );
  return result.rows;
}

export async function invocationsOf(pool: pg.Pool, eventId: string): Promise<InvocationRow[]> {
  const result = await pool.query<InvocationRow>(
    'select event_id, trigger_name, status, request, response from hdb_catalog.event_invocation_logs where event_id = $1 order by created_at, id',
    [eventId],
  );
  return result.rows;
}

/** True once every event of `trigger` is delivered or given up, and none is in flight. */
export async function allSettled(pool: pg.Pool, trigger: string, count: number): Promise<boolean> {
  const rows = await eventsOf(pool, trigger);
  return rows.length === count && rows.every((row) => (row.delivered || row.error) && row.locked === null);
}

export async function sqlTriggersOn(pool: pg.Pool, table: string): Promise<string[]> {
  const result = await pool.query<{ tgname: string }>(
    `select t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where c.relname = $1 and not t.tgisinternal order by t.tgname`,
    [table],
  );
  return result.rows.map((row) => row.tgname);
}
