import type { ArrayRelationship, ObjectRelationship, TableMetadata } from '@portal/hasura-metadata';
import { EngineError } from '../../errors/index.ts';
import { settleDependents } from '../doc/dependents.ts';
import { getList, setList, type TableList } from '../doc/table-lists.ts';
import { refOf, tableText } from '../doc/table-ref.ts';
import { SUCCESS, type Operation } from '../operation.ts';
import { tableArgs } from './tables.ts';

type Kind = 'object' | 'array';

const listName = (kind: Kind) => (kind === 'object' ? 'object_relationships' : 'array_relationships') satisfies TableList;

function relationships(table: TableMetadata): Array<ObjectRelationship | ArrayRelationship> {
  return [...(table.object_relationships ?? []), ...(table.array_relationships ?? [])];
}

function checkUsing(using: unknown, path: string): void {
  const ok = typeof using === 'object' && using !== null && ('foreign_key_constraint_on' in using || 'manual_configuration' in using);
  if (!ok) throw new EngineError('parse-failed', 'expected "using" with "foreign_key_constraint_on" or "manual_configuration"', `${path}.using`);
}

function createRelationship(kind: Kind): Operation {
  return async (args, { change, path }) => {
    const { table, args: given } = tableArgs(change, args, `${path}.args`);
    if (typeof given.name !== 'string') throw new EngineError('parse-failed', 'expected a string for "name"', `${path}.args.name`);
    checkUsing(given.using, `${path}.args`);
    if (relationships(table).some((relationship) => relationship.name === given.name)) {
      throw new EngineError('already-exists', `field with name "${given.name}" already exists in table "${tableText(refOf(table))}"`, `${path}.args`);
    }
    const definition = { name: given.name, using: given.using } as ObjectRelationship;
    if (typeof given.comment === 'string') definition.comment = given.comment;
    setList(table, listName(kind), [...getList(table, listName(kind)), definition]);
    change.markChanged();
    await change.check(definition);
    return SUCCESS;
  };
}

export const createObjectRelationship = createRelationship('object');
export const createArrayRelationship = createRelationship('array');

function findRelationship(table: TableMetadata, name: unknown, path: string): { kind: Kind; definition: ObjectRelationship | ArrayRelationship } {
  for (const kind of ['object', 'array'] as const) {
    const definition = table[listName(kind)]?.find((relationship) => relationship.name === name);
    if (definition) return { kind, definition };
  }
  throw new EngineError('not-exists', `relationship "${String(name)}" does not exist in table "${tableText(refOf(table))}"`, path);
}

export const dropRelationship: Operation = async (args, { change, path }) => {
  const { table, args: given } = tableArgs(change, args, `${path}.args`);
  const { kind, definition } = findRelationship(table, given.relationship, `${path}.args.relationship`);
  setList(table, listName(kind), getList(table, listName(kind)).filter((item) => item !== definition));
  change.markChanged();
  await settleDependents(change, given.cascade === true);
  return SUCCESS;
};

export const setRelationshipComment: Operation = async (args, { change, path }) => {
  const { table, args: given } = tableArgs(change, args, `${path}.args`);
  const { definition } = findRelationship(table, given.relationship, `${path}.args.relationship`);
  if (typeof given.comment === 'string') definition.comment = given.comment;
  else delete definition.comment;
  change.markChanged();
  return SUCCESS;
};
