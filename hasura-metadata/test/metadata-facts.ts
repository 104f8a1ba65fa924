import { HASURA_ROLES } from '@portal/common';
import {
  isPostgresSource,
  qualifiedTable,
  type BoolExp,
  type ColumnList,
  type HasuraMetadata,
  type PostgresSourceMetadata,
  type TableMetadata,
} from '../src/index.ts';

/** Roles that sign in; `anonymous` only reaches the public actions and no table. */
export const SIGNED_IN_ROLES: readonly string[] = HASURA_ROLES.filter((role) => role !== 'anonymous');

/** Tables only the action server touches, directly in SQL. */
export const SECRET_TABLES = ['refresh_tokens', 'one_time_tokens', 'mfa_backup_codes', 'rate_limit_buckets', 'document_number_counters', 'known_devices'];

/** Columns no Hasura role but admin may read or write, in whichever table they appear. */
export const SECRET_COLUMNS = [
  'password_hash',
  'mfa_secret_encrypted',
  'mfa_pending_secret_encrypted',
  'key_hash',
  'token_hash',
  'code_hash',
  'secret_sealed',
];

/**
 * Columns whose names look secret but are not: `content_hash` is the SHA-256 of a quote revision
 * the customer reads anyway, kept as evidence of what they approved; `secret_rotated_at` is when a
 * webhook endpoint's secret was last replaced, which its company's admins are shown.
 */
export const NOT_SECRET_COLUMNS = ['content_hash', 'secret_rotated_at'];

/** Columns only the printer's staff may see. */
export const STAFF_ONLY_COLUMNS = ['internal_notes'];

export type PermissionKind = 'insert' | 'select' | 'update' | 'delete';

export interface PermissionRef {
  table: string;
  kind: PermissionKind;
  role: string;
  columns: ColumnList | undefined;
  presets: Record<string, unknown>;
  /** The permission's boolean expressions: `filter` and/or `check`. */
  expressions: { name: 'filter' | 'check'; value: BoolExp | null | undefined }[];
  raw: Record<string, unknown>;
}

export function defaultSource(metadata: HasuraMetadata): PostgresSourceMetadata {
  const source = metadata.sources.find((candidate) => candidate.name === 'default');
  if (!source || !isPostgresSource(source)) throw new Error('no Postgres source "default"');
  return source;
}

export function nameOf(table: TableMetadata): string {
  return qualifiedTable(table.table).name;
}

/** Every permission of every table, flattened. */
export function permissionsOf(metadata: HasuraMetadata): PermissionRef[] {
  const refs: PermissionRef[] = [];
  for (const table of defaultSource(metadata).tables) {
    const base = { table: nameOf(table) };
    for (const { role, permission } of table.select_permissions ?? []) {
      const expressions = [{ name: 'filter' as const, value: permission.filter }];
      refs.push({ ...base, kind: 'select', role, columns: permission.columns, presets: {}, expressions, raw: { ...permission } });
    }
    for (const { role, permission } of table.insert_permissions ?? []) {
      const expressions = [{ name: 'check' as const, value: permission.check }];
      const presets = permission.set ?? {};
      refs.push({ ...base, kind: 'insert', role, columns: permission.columns, presets, expressions, raw: { ...permission } });
    }
    for (const { role, permission } of table.update_permissions ?? []) {
      const expressions = [
        { name: 'filter' as const, value: permission.filter },
        { name: 'check' as const, value: permission.check },
      ];
      const presets = permission.set ?? {};
      refs.push({ ...base, kind: 'update', role, columns: permission.columns, presets, expressions, raw: { ...permission } });
    }
    for (const { role, permission } of table.delete_permissions ?? []) {
      const expressions = [{ name: 'filter' as const, value: permission.filter }];
      refs.push({ ...base, kind: 'delete', role, columns: undefined, presets: {}, expressions, raw: { ...permission } });
    }
  }
  return refs;
}

/** Session variables a value refers to (strings starting with `x-hasura-`, any case), lower-cased. */
export function sessionVariablesIn(value: unknown): string[] {
  if (typeof value === 'string') return /^x-hasura-/i.test(value) ? [value.toLowerCase()] : [];
  if (Array.isArray(value)) return value.flatMap(sessionVariablesIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(sessionVariablesIn);
  return [];
}
