import { tableKey } from '../../catalog/index.ts';
import type { PostgresSourceMetadata, TableConfiguration, TableMetadata } from '@portal/hasura-metadata';
import { EngineError } from '../../errors/index.ts';
import { settleDependents } from '../doc/dependents.ts';
import type { MetadataChange } from '../doc/metadata-change.ts';
import { parseTableRef, refOf, sameTable, tableText, tableValue, type TableRef } from '../doc/table-ref.ts';
import { SUCCESS, type Operation } from '../operation.ts';

type Args = Record<string, unknown>;

const isObject = (value: unknown): value is Args => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tracked table `ref` of a source, or Hasura's `not-exists`. */
export function trackedTable(source: PostgresSourceMetadata, ref: TableRef, path: string): TableMetadata {
  const table = source.tables.find((candidate) => sameTable(refOf(candidate), ref));
  if (!table) throw new EngineError('not-exists', `table "${tableText(ref)}" does not exist`, path);
  return table;
}

/** `{source?, table}` args of most table-level calls: the source and the tracked table. */
export function tableArgs(change: MetadataChange, args: unknown, path: string): { source: PostgresSourceMetadata; table: TableMetadata; args: Args } {
  if (!isObject(args)) throw new EngineError('parse-failed', 'expected an object', path);
  const source = change.source(typeof args.source === 'string' ? args.source : undefined);
  const table = trackedTable(source, parseTableRef(args.table, `${path}.table`), `${path}.table`);
  return { source, table, args };
}

interface TrackSpec {
  source?: string;
  ref: TableRef;
  isEnum: boolean;
  configuration?: TableConfiguration;
}

/** track_table accepts `"name"`, `{schema, name}` and `{table, is_enum?, configuration?, source?}`. */
function parseTrack(args: unknown, path: string): TrackSpec {
  if (!isObject(args) || !('table' in args)) return { ref: parseTableRef(args, path), isEnum: false };
  const spec: TrackSpec = { ref: parseTableRef(args.table, `${path}.table`), isEnum: args.is_enum === true };
  if (typeof args.source === 'string') spec.source = args.source;
  if (isObject(args.configuration)) spec.configuration = args.configuration as TableConfiguration;
  return spec;
}

export const trackTable: Operation = async (args, { change, path }) => {
  const spec = parseTrack(args, `${path}.args`);
  const source = change.source(spec.source);
  if (source.tables.some((table) => sameTable(refOf(table), spec.ref))) {
    throw new EngineError('already-tracked', `view/table already tracked: "${tableText(spec.ref)}"`, `${path}.args`);
  }
  if (!(await change.catalog()).has(tableKey(spec.ref.schema, spec.ref.name))) {
    throw new EngineError('not-exists', `no such table/view exists in source: "${spec.ref.schema}.${spec.ref.name}"`, `${path}.args`);
  }
  const table: TableMetadata = { table: tableValue(spec.ref) };
  if (spec.isEnum) table.is_enum = true;
  if (spec.configuration) table.configuration = spec.configuration;
  source.tables.push(table);
  change.markChanged();
  await change.check(table.table);
  return SUCCESS;
};

export const untrackTable: Operation = async (args, { change, path }) => {
  if (!isObject(args)) throw new EngineError('parse-failed', 'expected an object', `${path}.args`);
  const source = change.source(typeof args.source === 'string' ? args.source : undefined);
  const ref = parseTableRef(args.table, `${path}.args.table`);
  const kept = source.tables.filter((table) => !sameTable(refOf(table), ref));
  if (kept.length === source.tables.length) throw new EngineError('already-untracked', `view/table already untracked: "${tableText(ref)}"`, `${path}.args`);
  source.tables = kept;
  change.markChanged();
  await settleDependents(change, args.cascade === true);
  return SUCCESS;
};

export const setTableIsEnum: Operation = async (args, { change, path }) => {
  const { table, args: given } = tableArgs(change, args, `${path}.args`);
  if (typeof given.is_enum !== 'boolean') throw new EngineError('parse-failed', 'expected a boolean for "is_enum"', `${path}.args.is_enum`);
  if (given.is_enum) table.is_enum = true;
  else delete table.is_enum;
  change.markChanged();
  await change.check(table.table);
  return SUCCESS;
};

/** The v1 `set_table_custom_fields`: custom root fields and column names. */
export const setTableCustomFields: Operation = async (args, { change, path }) => {
  const { table, args: given } = tableArgs(change, args, `${path}.args`);
  const configuration: TableConfiguration = { ...(table.configuration ?? {}) };
  configuration.custom_root_fields = (given.custom_root_fields ?? {}) as TableConfiguration['custom_root_fields'];
  configuration.custom_column_names = (given.custom_column_names ?? {}) as Record<string, string>;
  table.configuration = configuration;
  change.markChanged();
  await change.check(table.table);
  return SUCCESS;
};

export const setTableCustomization: Operation = async (args, { change, path }) => {
  const { table, args: given } = tableArgs(change, args, `${path}.args`);
  if (!isObject(given.configuration)) throw new EngineError('parse-failed', 'expected an object for "configuration"', `${path}.args.configuration`);
  table.configuration = given.configuration as TableConfiguration;
  change.markChanged();
  await change.check(table.table);
  return SUCCESS;
};
