import type { PermissionEntry, TableMetadata } from '@portal/hasura-metadata';
import { EngineError } from '../../errors/index.ts';
import { settleDependents } from '../doc/dependents.ts';
import { getList, setList } from '../doc/table-lists.ts';
import { refOf, tableText } from '../doc/table-ref.ts';
import { SUCCESS, type Operation } from '../operation.ts';
import { tableArgs } from './tables.ts';

export type PermissionKind = 'select' | 'insert' | 'update' | 'delete';

type PermissionList = PermissionEntry<unknown>[];

const listOf = (kind: PermissionKind) => `${kind}_permissions` as const;

function entries(table: TableMetadata, kind: PermissionKind): PermissionList {
  return getList<PermissionEntry<unknown>>(table, listOf(kind));
}

function roleOf(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new EngineError('parse-failed', 'expected a role name for "role"', `${path}.role`);
  return value;
}

export function createPermission(kind: PermissionKind): Operation {
  return async (args, { change, path }) => {
    const { table, args: given } = tableArgs(change, args, `${path}.args`);
    const role = roleOf(given.role, `${path}.args`);
    if (role === 'admin') throw new EngineError('constraint-violation', 'cannot define permission for admin role', `${path}.args`);
    if (typeof given.permission !== 'object' || given.permission === null) {
      throw new EngineError('parse-failed', 'expected an object for "permission"', `${path}.args.permission`);
    }
    const list = entries(table, kind);
    if (list.some((entry) => entry.role === role)) {
      throw new EngineError('already-exists', `${kind} permission already defined on table "${tableText(refOf(table))}" with role "${role}"`, `${path}.args`);
    }
    const entry: PermissionEntry<unknown> = { role, permission: given.permission };
    if (typeof given.comment === 'string') entry.comment = given.comment;
    setList(table, listOf(kind), [...list, entry]);
    change.markChanged();
    await change.check(entry);
    return SUCCESS;
  };
}

export function dropPermission(kind: PermissionKind): Operation {
  return async (args, { change, path }) => {
    const { table, args: given } = tableArgs(change, args, `${path}.args`);
    const role = roleOf(given.role, `${path}.args`);
    const list = entries(table, kind);
    if (!list.some((entry) => entry.role === role)) {
      throw new EngineError('not-exists', `${kind} permission on "${tableText(refOf(table))}" for role "${role}" does not exist`, `${path}.args`);
    }
    setList(table, listOf(kind), list.filter((entry) => entry.role !== role));
    change.markChanged();
    await settleDependents(change, false);
    return SUCCESS;
  };
}
