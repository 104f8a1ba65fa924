import type pg from 'pg';
import { z } from 'zod';
import { introspectCatalog } from '../../catalog/index.ts';
import { EngineError } from '../../errors/index.ts';
import { parseArgs } from '../doc/args.ts';
import { settleDependents } from '../doc/dependents.ts';
import type { MetadataChange } from '../doc/metadata-change.ts';
import { applyTableChanges, trackedOids } from '../doc/table-renames.ts';
import type { Operation } from '../operation.ts';

const argsSchema = z.object({
  sql: z.string(),
  source: z.string().optional(),
  cascade: z.boolean().optional(),
  check_metadata_consistency: z.boolean().optional(),
  read_only: z.boolean().optional(),
});

type RunSqlArgs = z.infer<typeof argsSchema>;

/** Hasura's heuristic for "this SQL may change tracked objects" (Note [Checking metadata consistency in run_sql]). */
const METADATA_DDL = /\balter\b|\bdrop\b|\breplace\b|\bcreate function\b|\bcomment on\b/i;
/** Anything else that changes what the engine reads from the catalog (new tables, types, comments). */
const CATALOG_DDL = /\b(create|alter|drop|comment|rename|grant|revoke)\b/i;

/** Values as text, exactly as PostgreSQL prints them: run_sql answers strings. */
const asText = { getTypeParser: () => (value: string) => value };

function tuples(result: pg.QueryResult): unknown {
  if (result.fields.length === 0) return { result_type: 'CommandOk', result: null };
  const names = result.fields.map((field) => field.name);
  const rows = (result.rows as Record<string, unknown>[]).map((row) => names.map((name) => row[name] ?? null));
  return { result_type: 'TuplesOk', result: [names, ...rows] };
}

function postgresError(error: unknown, sql: string, path: string): EngineError {
  const e = error as { message?: string; code?: string; detail?: string; hint?: string };
  const internal = {
    arguments: [],
    error: { description: e.detail ?? null, exec_status: 'FatalError', hint: e.hint ?? null, message: e.message ?? String(error), status_code: e.code ?? null },
    prepared: false,
    statement: sql,
  };
  return new EngineError('postgres-error', 'query execution failed', path, 400, { internal });
}

/** Inside the SQL's transaction: carries drops and renames into the metadata, or fails over dependents. */
async function checkMetadata(change: MetadataChange, client: pg.ClientBase, before: Awaited<ReturnType<typeof trackedOids>>, cascade: boolean): Promise<void> {
  const original = JSON.stringify(change.doc);
  await applyTableChanges(client, change.doc, before);
  await settleDependents(change, cascade, await introspectCatalog(client));
  if (JSON.stringify(change.doc) !== original) change.markChanged();
}

async function inTransaction(change: MetadataChange, spec: RunSqlArgs, path: string): Promise<pg.QueryResult> {
  const checkNeeded = !spec.read_only && (spec.check_metadata_consistency ?? METADATA_DDL.test(spec.sql));
  const client = await change.engine.pool.connect();
  try {
    await client.query(spec.read_only ? 'begin read only' : 'begin');
    const before = checkNeeded ? await trackedOids(client, change.doc) : null;
    const results = await client.query({ text: spec.sql, types: asText }).catch((error: unknown) => {
      throw postgresError(error, spec.sql, path);
    });
    if (before) await checkMetadata(change, client, before, spec.cascade ?? false);
    await client.query('commit');
    const list = (Array.isArray(results) ? results : [results]) as pg.QueryResult[];
    return list[list.length - 1]!;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * `run_sql`: the statements run in one transaction (read only on request); the last result is
 * returned with every value as text. Hasura's metadata check runs in the same transaction, so SQL
 * that would leave dependent metadata dangling is rolled back unless `cascade` is set.
 */
export const runSql: Operation = async (args, { change, path }) => {
  const spec = parseArgs(argsSchema, args, `${path}.args`);
  change.source(spec.source);
  const result = await inTransaction(change, spec, `${path}.args`);
  if (!spec.read_only && CATALOG_DDL.test(spec.sql)) change.catalogChanged();
  return tuples(result);
};
