import type { Catalog } from '../../catalog/index.ts';
import type { HasuraMetadata, TableMetadata } from '@portal/hasura-metadata';
import { isPostgresSource } from '@portal/hasura-metadata';
import type { Inconsistency } from '../../model/index.ts';
import { EngineError } from '../../errors/index.ts';
import type { MetadataChange } from './metadata-change.ts';
import { getList, setList } from './table-lists.ts';
import { refOf, tableText } from './table-ref.ts';

const OBJECT_LISTS = [
  ['object_relationships', 'relationship'],
  ['array_relationships', 'relationship'],
  ['select_permissions', 'select'],
  ['insert_permissions', 'insert'],
  ['update_permissions', 'update'],
  ['delete_permissions', 'delete'],
] as const;

function tablesOf(doc: HasuraMetadata): TableMetadata[] {
  return doc.sources.filter(isPostgresSource).flatMap((source) => source.tables);
}

/** Hasura's words for a dependent object: `relationship author.articles`, `permission article.user.select`. */
function describe(doc: HasuraMetadata, item: Inconsistency): string {
  for (const table of tablesOf(doc)) {
    for (const [list, kind] of OBJECT_LISTS) {
      const entry = getList(table, list).find((candidate) => candidate === item.definition);
      if (!entry) continue;
      const name = tableText(refOf(table));
      if (kind === 'relationship') return `relationship ${name}.${(entry as { name: string }).name}`;
      return `permission ${name}.${(entry as { role: string }).role}.${kind}`;
    }
  }
  return item.name;
}

/** Removes inconsistent objects (found by identity, tables by name); false when nothing matched. */
export function removeObjects(doc: HasuraMetadata, items: Inconsistency[]): boolean {
  const definitions = new Set(items.map((item) => item.definition));
  const tableNames = new Set(items.filter((item) => item.type === 'table').map((item) => item.name));
  let removed = false;
  for (const source of doc.sources.filter(isPostgresSource)) {
    const kept = source.tables.filter((table) => !tableNames.has(`${refOf(table).schema}.${refOf(table).name}`));
    removed ||= kept.length !== source.tables.length;
    source.tables = kept;
    for (const table of kept) {
      for (const [list] of OBJECT_LISTS) {
        const entries = getList(table, list);
        const rest = entries.filter((entry) => !definitions.has(entry));
        if (rest.length === entries.length) continue;
        removed = true;
        setList(table, list, rest);
      }
    }
  }
  return removed;
}

/**
 * After a drop: objects that the drop left dangling (a relationship to a dropped table, a
 * permission naming a dropped relationship) are Hasura's "dependent objects". Without `cascade`
 * they make the request fail; with it they are dropped as well, until nothing dangles.
 */
export async function settleDependents(change: MetadataChange, cascade: boolean, catalog?: Catalog): Promise<void> {
  for (;;) {
    const fresh = await change.newInconsistencies(catalog);
    if (fresh.length === 0) return;
    const names = fresh.map((item) => describe(change.doc, item));
    if (!cascade) throw new EngineError('dependency-error', `cannot drop due to the following dependent objects : ${names.join(', ')}`);
    if (!removeObjects(change.doc, fresh)) throw new EngineError('unexpected', `cannot drop dependent objects: ${names.join(', ')}`, '$', 500);
  }
}
