import { EngineError } from '../../errors/index.ts';
import { settleDependents } from '../doc/dependents.ts';
import type { MetadataChange } from '../doc/metadata-change.ts';
import { parseTableRef, tableText, tableValue, type TableRef } from '../doc/table-ref.ts';
import { SUCCESS, type Operation } from '../operation.ts';
import { tableArgs } from './tables.ts';

/**
 * SQL functions as root fields (`track_function`) and computed fields. The calls edit the metadata
 * like Hasura's; whether the engine can serve the result is the engine's decision (today it
 * refuses both loudly, and the API answers `not-supported` with its reason).
 */

async function functionExists(change: MetadataChange, ref: TableRef): Promise<boolean> {
  const result = await change.engine.pool.query(
    'select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.proname = $2',
    [ref.schema, ref.name],
  );
  return (result.rowCount ?? 0) > 0;
}

/** `"name"`, `{schema, name}` (v1) or `{function, configuration?, source?}` (v2). */
function parseFunctionArgs(args: unknown, path: string): { ref: TableRef; source?: string; rest: Record<string, unknown> } {
  if (typeof args === 'object' && args !== null && 'function' in args) {
    const { function: fn, source, ...rest } = args as Record<string, unknown>;
    return { ref: parseTableRef(fn, `${path}.function`), ...(typeof source === 'string' ? { source } : {}), rest };
  }
  return { ref: parseTableRef(args, path), rest: {} };
}

const sameFunction = (entry: { function: unknown }, ref: TableRef) => {
  const current = parseTableRef(entry.function, '$');
  return current.schema === ref.schema && current.name === ref.name;
};

export const trackFunction: Operation = async (args, { change, path }) => {
  const { ref, source: sourceName, rest } = parseFunctionArgs(args, `${path}.args`);
  const source = change.source(sourceName);
  const functions = (source.functions ??= []);
  if (functions.some((entry) => sameFunction(entry, ref))) throw new EngineError('already-tracked', `function already tracked: "${tableText(ref)}"`, `${path}.args`);
  if (!(await functionExists(change, ref))) throw new EngineError('not-exists', `function "${tableText(ref)}" does not exist in the database`, `${path}.args`);
  functions.push({ function: tableValue(ref), ...rest });
  change.markChanged();
  await change.check();
  return SUCCESS;
};

export const untrackFunction: Operation = async (args, { change, path }) => {
  const { ref, source: sourceName } = parseFunctionArgs(args, `${path}.args`);
  const source = change.source(sourceName);
  const kept = (source.functions ?? []).filter((entry) => !sameFunction(entry, ref));
  if (kept.length === (source.functions ?? []).length) throw new EngineError('already-untracked', `function already untracked: "${tableText(ref)}"`, `${path}.args`);
  source.functions = kept;
  change.markChanged();
  return SUCCESS;
};

export const addComputedField: Operation = async (args, { change, path }) => {
  const { table, args: given } = tableArgs(change, args, `${path}.args`);
  if (typeof given.name !== 'string') throw new EngineError('parse-failed', 'expected a string for "name"', `${path}.args.name`);
  const definition = given.definition as { function?: unknown } | undefined;
  const fn = parseTableRef(definition?.function, `${path}.args.definition.function`);
  if (!(await functionExists(change, fn))) throw new EngineError('not-exists', `function "${tableText(fn)}" does not exist in the database`, `${path}.args`);
  const fields = (table.computed_fields ??= []) as Array<{ name: string }>;
  if (fields.some((field) => field.name === given.name)) throw new EngineError('already-exists', `computed field "${given.name}" already exists`, `${path}.args`);
  fields.push({ name: given.name, definition: { ...definition, function: tableValue(fn) }, ...(typeof given.comment === 'string' ? { comment: given.comment } : {}) } as { name: string });
  change.markChanged();
  await change.check();
  return SUCCESS;
};

export const dropComputedField: Operation = async (args, { change, path }) => {
  const { table, args: given } = tableArgs(change, args, `${path}.args`);
  const fields = (table.computed_fields ?? []) as Array<{ name: string }>;
  const kept = fields.filter((field) => field.name !== given.name);
  if (kept.length === fields.length) throw new EngineError('not-exists', `computed field "${String(given.name)}" does not exist`, `${path}.args`);
  table.computed_fields = kept;
  change.markChanged();
  await settleDependents(change, given.cascade === true);
  return SUCCESS;
};
